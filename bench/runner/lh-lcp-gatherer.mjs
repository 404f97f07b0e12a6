// A Lighthouse gatherer in place of TraceElements that finds only the
// largest contentful paint's element. On Chromium 156, Lighthouse 12.2.3's
// trace engine fails on the trace's PipelineReporter events, and with it
// the RootCauses gatherer that TraceElements depends on, so the
// largest-contentful-paint-element audit errors on every run. The LCP
// element itself needs only the trace's LCP event and the node, which is
// what this asks Lighthouse's own TraceElements for.
import TraceElements from 'lighthouse/core/gather/gatherers/trace-elements.js';
import Trace from 'lighthouse/core/gather/gatherers/trace.js';

class LCPElement extends TraceElements {
  meta = {supportedModes: ['navigation'], dependencies: {Trace: Trace.symbol}};

  async getArtifact(context) {
    const lcp = await TraceElements.getLcpElement(context.dependencies.Trace, context);
    if (!lcp) return [];
    const res = await this.getNodeDetails(context.driver.defaultSession, lcp.nodeId);
    if (!res?.result?.value) return [];
    return [{traceEventType: 'largest-contentful-paint', ...res.result.value, nodeId: lcp.nodeId, type: lcp.type}];
  }
}

export default LCPElement;
