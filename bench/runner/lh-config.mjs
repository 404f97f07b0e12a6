// Lighthouse's default configuration (mobile), with the LCP element found
// by lh-lcp-gatherer.mjs.
export default {
  extends: 'lighthouse:default',
  artifacts: [{id: 'TraceElements', gatherer: './lh-lcp-gatherer.mjs'}],
};
