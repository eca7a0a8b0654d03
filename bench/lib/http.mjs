// fetch for benchmarks. Servers come and go on ephemeral ports, so a port can be reused while
// undici still holds a keep-alive socket to the previous server on it: such a request fails with
// ECONNRESET before reaching the new server, and is sent once more.
export async function request(url, init) {
  try {
    return await fetch(url, init)
  } catch (error) {
    if (error?.cause?.code !== 'ECONNRESET' && error?.cause?.code !== 'UND_ERR_SOCKET') throw error
    return fetch(url, init)
  }
}
