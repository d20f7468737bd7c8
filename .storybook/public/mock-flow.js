// Speaks the flow page side of the FlowMessage protocol, like the sandbox's flow page does.
if (window.parent !== window) {
  window.parent.postMessage({ source: 'facesign-flow', type: 'ready' }, window.location.origin)
}
