import type { Messages } from './en'

const messages: Messages = {
  start: 'আপনার পরিচয় যাচাই করুন',
  starting: 'শুরু হচ্ছে…',
  retry: 'আবার চেষ্টা করুন',
  close: 'বন্ধ করুন',
  dialogTitle: 'পরিচয় যাচাই',
  testMode: 'পরীক্ষা মোড',
  requires_input: 'আপনার শুরু করার অপেক্ষায়',
  in_progress: 'যাচাই চলছে',
  processing: 'আপনার ফলাফল পরীক্ষা করা হচ্ছে…',
  verified: 'আপনার পরিচয় যাচাই হয়েছে',
  failed: 'যাচাই ব্যর্থ হয়েছে',
  canceled: 'যাচাই বাতিল করা হয়েছে',
  expired: 'সেশনের মেয়াদ শেষ হয়েছে। অনুগ্রহ করে আবার শুরু করুন।',
  errorNetwork: 'সংযোগ করা যায়নি। আপনার সংযোগ পরীক্ষা করে আবার চেষ্টা করুন।',
  errorRateLimited: 'অনেকবার চেষ্টা করা হয়েছে। একটু অপেক্ষা করে আবার চেষ্টা করুন।',
  errorPopup: 'যাচাইয়ের উইন্ডোটি ব্লক করা হয়েছে। পপ-আপ চালু করে আবার চেষ্টা করুন।',
  errorGeneric: 'কিছু একটা ভুল হয়েছে। অনুগ্রহ করে আবার চেষ্টা করুন।',
  verifiedButton: 'পরিচয় যাচাই হয়েছে',
  failedButton: 'আবার যাচাইয়ের চেষ্টা করুন',
  canceledButton: 'যাচাই আবার শুরু করুন',
  expiredButton: 'নতুন যাচাই শুরু করুন',
  failedHint: 'ভালো আলো এবং মুখ স্পষ্টভাবে দেখা গেলে সুবিধা হয়।',
  flowLoading: 'যাচাই লোড হচ্ছে…',
}

export default messages
