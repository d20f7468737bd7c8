// Speaks the flow page side of the FlowMessage protocol, like the sandbox's flow page does.
// `?load=held`: a page that never finishes loading (an image the mocked network never answers, as a
// proxy that holds a request would), so it neither fires `load` nor says it is ready.
if (new URLSearchParams(window.location.search).get('load') === 'held') {
  const image = document.createElement('img')
  image.alt = ''
  image.width = image.height = 1
  image.src = './mock-flow-held.png'
  document.body.append(image)
} else if (window.parent !== window) {
  window.parent.postMessage({ source: 'facesign-flow', type: 'ready' }, window.location.origin)
}
