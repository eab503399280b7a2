export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    /* settings migration lands here */
  });
});
