// zod's jitless switch must run before any schema is built: keep this import first.
import './jitless';
import './style.css';
import { render } from 'preact';
import { App } from './App';

render(<App />, document.getElementById('app')!);
