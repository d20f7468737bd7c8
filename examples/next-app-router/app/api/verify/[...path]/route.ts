export { handler as GET, handler as POST } from '../../../../lib/verify'
