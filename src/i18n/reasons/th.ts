import type { ReasonWords } from './en.js';
import { latinBrowserNames, latinMakerNames, latinOSNames } from './latin-names.js';

// The reasons under "Why?" in ไทย. Brand names stay as their makers write them where
// users know them so; the type is English's, so a missing word does not compile.

const UNLISTED_IOS = 'เบราว์เซอร์หรือแอปบน iOS นี้ไม่อยู่ในตาราง การตรวจสอบขณะทำงานจะเป็นตัวตัดสิน';
const UNLISTED_ANDROID = 'เบราว์เซอร์หรือแอปบน Android นี้ไม่อยู่ในตาราง การตรวจสอบขณะทำงานจะเป็นตัวตัดสิน';
const IOS_SAFARI = 'Safari บน iOS 11.1.2 ขึ้นไปรองรับโหมดแสงสะท้อน';
const IOS_WECHAT = 'WeChat 6.5 ขึ้นไปบน iOS 14.3 ขึ้นไปรองรับโหมดแสงสะท้อน';
const VENDOR_BROWSER = 'เบราว์เซอร์ในตัวของผู้ผลิตโทรศัพท์บน Android 7 ขึ้นไป: อุปกรณ์ประมาณ 80% รองรับโหมดแสงสะท้อน';
const XIAOMI_BROWSER = 'เบราว์เซอร์ในตัวของ Xiaomi: อุปกรณ์เพียงประมาณ 30% รองรับโหมดแสงสะท้อน';

const th: ReasonWords = {
  rules: {
    'fact/no-user-agent': 'ไม่มีข้อมูลระบุเบราว์เซอร์ให้อ่าน (ไม่ใช่ข้อความหรือว่างเปล่า) การตรวจสอบขณะทำงานจะเป็นตัวตัดสิน',
    'fact/desktop': 'นี่คือเบราว์เซอร์บนคอมพิวเตอร์ ตารางครอบคลุมเฉพาะโทรศัพท์ การตรวจสอบขณะทำงานจึงเป็นตัวตัดสิน',
    'fact/harmonyos-next': 'HarmonyOS NEXT ไม่อยู่ในตาราง การตรวจสอบขณะทำงานจะเป็นตัวตัดสิน',
    'fact/ios-unlisted': UNLISTED_IOS,
    'fact/huawei-chromium': 'Chrome และเบราว์เซอร์ที่สร้างจาก Chrome บนโทรศัพท์ Huawei ใช้ H.264 สำหรับวิดีโอแบบเรียลไทม์ไม่ได้',
    'fact/android-unlisted': UNLISTED_ANDROID,
    'fact/other-platform': 'ตารางไม่ครอบคลุมแพลตฟอร์มนี้ การตรวจสอบขณะทำงานจะเป็นตัวตัดสิน',
    'intl/ios-safari': IOS_SAFARI,
    'intl/ios-wechat': IOS_WECHAT,
    'intl/ios-chrome': 'Chrome บน iOS 14.3 ขึ้นไปรองรับโหมดแสงสะท้อน',
    'intl/android-wechat': 'เบราว์เซอร์ในตัวของ WeChat บน Android รองรับโหมดแสงสะท้อน',
    'intl/android-vendor-browser': VENDOR_BROWSER,
    'intl/android-xiaomi-browser': XIAOMI_BROWSER,
    'intl/android-qq-uc': 'QQ Browser และ UC Browser บน Android ไม่รองรับโหมดแสงสะท้อน',
    'intl/android-chrome-maker-hidden': 'Chrome บน Android รองรับ ยกเว้นบนโทรศัพท์ Huawei และข้อมูลระบุเบราว์เซอร์นี้ซ่อนผู้ผลิตโทรศัพท์ไว้',
    'intl/android-chrome': 'Chrome บน Android 7 ขึ้นไปรองรับโหมดแสงสะท้อน',
    'intl/android-other': UNLISTED_ANDROID,
    'mainland/ios-safari': IOS_SAFARI,
    'mainland/ios-wechat': IOS_WECHAT,
    'mainland/ios-app-webview': 'WebView ของแอปที่ตั้งค่าไว้สำหรับการยืนยันใบหน้าของ Tencent บน iOS 14.3 ขึ้นไปรองรับโหมดแสงสะท้อน',
    'mainland/android-app-webview': 'WebView ของแอปที่ตั้งค่าไว้สำหรับการยืนยันใบหน้าของ Tencent บน Android 7 ขึ้นไปรองรับโหมดแสงสะท้อน',
    'mainland/android-wechat': 'WeChat 6.5 ขึ้นไปบน Android 7 ขึ้นไปรองรับโหมดแสงสะท้อน',
    'mainland/android-vendor-browser': VENDOR_BROWSER,
    'mainland/android-xiaomi-browser': XIAOMI_BROWSER,
    'mainland/android-uc-baidu': 'UC Browser และเบราว์เซอร์ของ Baidu บน Android ไม่รองรับโหมดแสงสะท้อน',
    'mainland/android-qq-browser': 'QQ Browser บน Android 7 ขึ้นไปรองรับโหมดแสงสะท้อน',
  },
  osNames: {
    ...latinOSNames,
    other: 'ระบบปฏิบัติการ',
    unknown: 'ระบบปฏิบัติการ',
  },
  browserNames: {
    ...latinBrowserNames,
  },
  makerNames: {
    ...latinMakerNames,
    other: 'ผู้ผลิตรายอื่น',
  },
  reasons: {
    'below-minimum': (what: string, minimum: string, actual: string) => `ต้องใช้ ${what} ${minimum} ขึ้นไป แต่เครื่องนี้เป็น ${what} ${actual}`,
    'version-hidden': (what: string, minimum: string) => `ต้องใช้ ${what} ${minimum} ขึ้นไป และข้อมูลระบุเบราว์เซอร์นี้ไม่แสดงเวอร์ชัน`,
    'possible-ipad': 'อาจเป็น iPad ที่ขอเว็บไซต์เวอร์ชันคอมพิวเตอร์ ในเบราว์เซอร์ การรองรับการสัมผัสจะบอกได้',
    'ipados-by-touch': 'ข้อมูลระบุเบราว์เซอร์แบบ Safari บนคอมพิวเตอร์ที่รองรับการสัมผัส: ถือว่าเป็น iPadOS',
    'reduced-ua': 'Chrome ลดข้อมูลระบุเบราว์เซอร์ (ซ่อนเวอร์ชัน Android และรุ่นโทรศัพท์) Client Hints สามารถเปิดเผยได้',
    'client-hints': 'เวอร์ชัน Android และรุ่นโทรศัพท์มาจาก UA Client Hints',
    'frozen-ios-version': (osVersion: string) => `Safari ตรึงเวอร์ชัน iOS ในข้อมูลระบุเบราว์เซอร์ iOS ${osVersion} อ่านจากเวอร์ชันของ Safari เอง`,
    'truncated-ua': 'ข้อมูลระบุเบราว์เซอร์ยาวผิดปกติ จึงอ่านเฉพาะส่วนต้นและส่วนท้าย',
    'not-makers-phone': (browser: string, maker: string) =>
      `${browser} นับเป็นเบราว์เซอร์ในตัวเฉพาะบนโทรศัพท์ของผู้ผลิตเองเท่านั้น โทรศัพท์เครื่องนี้ผลิตโดย ${maker}`,
    'maker-hidden-for-browser': (browser: string) =>
      `${browser} นับเป็นเบราว์เซอร์ในตัวเฉพาะบนโทรศัพท์ของผู้ผลิตเองเท่านั้น และข้อมูลระบุเบราว์เซอร์นี้ซ่อนผู้ผลิตโทรศัพท์ไว้`,
    'disguised-browser': 'เบราว์เซอร์นี้ส่งข้อมูลระบุแบบ Safari หรือ Chrome พร้อมชื่อของตัวเอง จึงเป็นเบราว์เซอร์หรือแอปอื่น',
    'probe-failed': {
      secureContext: 'หน้านี้ไม่ใช่บริบทที่ปลอดภัย (HTTPS) จึงใช้กล้องไม่ได้',
      getUserMedia: 'เบราว์เซอร์นี้ไม่มี API สำหรับกล้อง (getUserMedia)',
      cameraPolicy: 'นโยบายสิทธิ์ของหน้าที่ฝังหน้านี้อยู่ไม่อนุญาตให้ใช้กล้อง',
      peerConnection: 'เบราว์เซอร์นี้ไม่รองรับการสื่อสารแบบเรียลไทม์ (RTCPeerConnection)',
      h264: 'เบราว์เซอร์นี้ส่งวิดีโอ H.264 สำหรับการสื่อสารแบบเรียลไทม์ไม่ได้',
    },
    'probes-settled': 'การตรวจสอบขณะทำงานสำหรับโหมดแสงสะท้อนผ่านทั้งหมด ตารางเพียงอย่างเดียวตัดสินไม่ได้',
    'probe-unanswered': {
      h264: 'เบราว์เซอร์ไม่ตอบภายในเวลาว่าส่งวิดีโอ H.264 ได้หรือไม่ ตารางและการตรวจสอบอื่นจึงเป็นตัวตัดสิน',
      clientHints: 'เบราว์เซอร์ไม่ให้ Client Hints ภายในเวลา จึงอ่านเฉพาะข้อมูลระบุเบราว์เซอร์',
    },
    'probe-unknown': {
      secureContext: 'เบราว์เซอร์นี้ไม่บอกว่าหน้านี้เป็นบริบทที่ปลอดภัย (HTTPS) หรือไม่ แต่ไม่ได้ตัดโหมดแสงสะท้อนออก',
      getUserMedia: 'ตรวจสอบไม่ได้ว่าเบราว์เซอร์นี้มี API สำหรับกล้องหรือไม่ แต่ไม่ได้ตัดโหมดแสงสะท้อนออก',
      cameraPolicy: 'เบราว์เซอร์นี้รายงานไม่ได้ว่านโยบายสิทธิ์ของหน้าอนุญาตให้ใช้กล้องหรือไม่ แต่ไม่ได้ตัดโหมดแสงสะท้อนออก',
      peerConnection: 'ตรวจสอบไม่ได้ว่าเบราว์เซอร์นี้รองรับการสื่อสารแบบเรียลไทม์ (RTCPeerConnection) หรือไม่ แต่ไม่ได้ตัดโหมดแสงสะท้อนออก',
      h264: 'เบราว์เซอร์นี้บอกไม่ได้ว่าส่งวิดีโอ H.264 ได้หรือไม่ แต่ไม่ได้ตัดโหมดแสงสะท้อนออก',
    },
  },
};

export default th;
