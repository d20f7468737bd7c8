/** Makes the page believe it is offline: navigator.onLine reads false and `offline` fires. */
export function goOffline(): void {
  Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => false })
  window.dispatchEvent(new Event('offline'))
}

/** Ends a simulated outage the way the browser does when the connection comes back. */
export function goOnline(): void {
  // Removing the own property brings back the browser's getter on Navigator.prototype.
  delete (navigator as { onLine?: boolean }).onLine
  window.dispatchEvent(new Event('online'))
}
