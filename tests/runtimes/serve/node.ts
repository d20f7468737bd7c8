// Node 20 and 22: node:http with the package's own adapter.
import { createServer } from 'node:http'
import { toNodeListener } from 'verify-widget/server'
import { createTestHandler } from '../app'

const handler = createTestHandler(process.env.VERIFY_TEST_OPTIONS)
createServer(toNodeListener(handler)).listen(Number(process.env.PORT), '127.0.0.1', () => console.log('listening'))
