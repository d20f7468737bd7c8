import type { Messages } from './en'

const messages: Messages = {
  start: 'ยืนยันตัวตนของคุณ',
  starting: 'กำลังเริ่ม…',
  retry: 'ลองอีกครั้ง',
  close: 'ปิด',
  dialogTitle: 'การยืนยันตัวตน',
  testMode: 'โหมดทดสอบ',
  requires_input: 'รอให้คุณเริ่ม',
  in_progress: 'กำลังยืนยันตัวตน',
  processing: 'กำลังตรวจสอบผลของคุณ…',
  verified: 'ยืนยันตัวตนแล้ว',
  failed: 'การยืนยันตัวตนไม่สำเร็จ',
  canceled: 'ยกเลิกการยืนยันตัวตนแล้ว',
  expired: 'เซสชันหมดอายุแล้ว โปรดเริ่มใหม่อีกครั้ง',
  errorNetwork: 'เชื่อมต่อไม่ได้ โปรดตรวจสอบการเชื่อมต่อแล้วลองอีกครั้ง',
  errorRateLimited: 'ลองหลายครั้งเกินไป โปรดรอสักครู่แล้วลองอีกครั้ง',
  errorPopup: 'หน้าต่างยืนยันตัวตนถูกบล็อก โปรดอนุญาตป๊อปอัปแล้วลองอีกครั้ง',
  errorGeneric: 'เกิดข้อผิดพลาด โปรดลองอีกครั้ง',
  verifiedButton: 'ยืนยันตัวตนแล้ว',
  failedButton: 'ลองยืนยันตัวตนอีกครั้ง',
  canceledButton: 'เริ่มยืนยันตัวตนใหม่',
  expiredButton: 'เริ่มการยืนยันตัวตนครั้งใหม่',
  failedHint: 'แสงที่ดีและการเห็นใบหน้าอย่างชัดเจนจะช่วยได้',
  flowLoading: 'กำลังโหลดการยืนยันตัวตน…',
}

export default messages
