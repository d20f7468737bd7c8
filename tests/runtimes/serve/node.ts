// Node 20 and 22: node:http with the package's own adapter (it passes the socket's address).
import { createServer } from 'node:http'
import { guardServer, toNodeListener } from 'verify-widget/server/node'
import { createTestHandler } from '../app'

const handler = createTestHandler(process.env.VERIFY_TEST_OPTIONS)
guardServer(createServer(toNodeListener(handler))).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'))
