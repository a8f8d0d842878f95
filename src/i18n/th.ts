import type { LanguagePack } from './en.js';

const th: LanguagePack = {
  $code: 'th',
  $name: 'ไทย',
  $dir: 'ltr',
  cameraBusy: 'ไม่สามารถเข้าถึงกล้อง/ไมโครโฟนได้ โปรดตรวจสอบว่าไม่มีแอปอื่นกำลังขอใช้งานอยู่ แล้วลองอีกครั้ง',
  cameraDenied: 'ต้องใช้สิทธิ์เข้าถึงไมโครโฟนและกล้องของอุปกรณ์ตลอดการยืนยันตัวตน โปรดล้างแคชของเบราว์เซอร์แล้วลองอีกครั้ง',
  cameraUnavailable: 'โปรดตรวจสอบว่าสามารถใช้งานกล้อง/ไมโครโฟนได้ตามปกติ แล้วลองอีกครั้ง',
  promptWaiting: 'กำลังรอคำตอบของคุณ: เมื่อเบราว์เซอร์ขออนุญาตใช้กล้อง โปรดแตะ "อนุญาต"',
  insecureContext: 'หน้านี้ไม่ปลอดภัย (ไม่ใช่ HTTPS) เบราว์เซอร์จึงไม่เปิดกล้อง โปรดแจ้งผู้ดูแลเว็บไซต์',
  noGetUserMedia: 'เบราว์เซอร์นี้เปิดกล้องไม่ได้ โปรดเปิดหน้านี้ใน Safari (iPhone) หรือ Chrome (Android)',
  blockedByPolicy: 'หน้าเว็บที่ฝังหน้านี้ไว้ไม่อนุญาตให้ใช้กล้อง โปรดแจ้งผู้ดูแลเว็บไซต์',
  openInBrowserMenu: (app) => `คุณกำลังใช้งานใน ${app} โปรดแตะ ··· ที่มุมขวาบน แล้วเลือก "เปิดในเบราว์เซอร์"`,
  openInBrowserGeneric: (app) => `คุณกำลังใช้งานใน ${app} โปรดเปิดหน้านี้ในเบราว์เซอร์ของโทรศัพท์ (Safari หรือ Chrome)`,
  appWeChat: 'WeChat',
  appWeCom: 'WeCom',
  appQQ: 'QQ',
  appAlipay: 'Alipay',
  appDingTalk: 'DingTalk',
  appWeibo: 'Weibo',
  appDouyin: 'Douyin',
  appTikTok: 'TikTok',
  appToutiao: 'Toutiao',
  appBaidu: 'Baidu',
  appOther: 'แอป',
};

export default th;
