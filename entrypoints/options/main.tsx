import { render } from 'preact';

render(<main>Backstory</main>, document.getElementById('app')!);
