import type { ReasonWords } from './en.js';

// The reasons under "Why?" in 简体中文. Brand names stay as their makers write them where
// users know them so; the type is English's, so a missing word does not compile.

const UNLISTED_IOS = '此 iOS 浏览器或应用不在兼容性表中；由运行时检测决定。';
const UNLISTED_ANDROID = '此安卓浏览器或应用不在兼容性表中；由运行时检测决定。';
const IOS_SAFARI = 'iOS 11.1.2 及以上版本的 Safari 支持光线活体模式。';
const IOS_WECHAT = 'iOS 14.3 及以上版本、微信 6.5 及以上版本支持光线活体模式。';
const VENDOR_BROWSER = '安卓 7 及以上版本的手机厂商自带浏览器：约 80% 的设备支持光线活体模式。';
const XIAOMI_BROWSER = '小米自带浏览器：仅约 30% 的设备支持光线活体模式。';

const zhCN: ReasonWords = {
  rules: {
    'fact/no-user-agent': '没有可读取的浏览器标识（不是字符串或为空）；由运行时检测决定。',
    'fact/desktop': '这是电脑浏览器：兼容性表只覆盖手机，由运行时检测决定。',
    'fact/harmonyos-next': 'HarmonyOS NEXT 不在兼容性表中；由运行时检测决定。',
    'fact/ios-unlisted': UNLISTED_IOS,
    'fact/huawei-chromium': '华为手机上的 Chrome 及基于 Chrome 的浏览器无法用 H.264 进行实时视频。',
    'fact/android-unlisted': UNLISTED_ANDROID,
    'fact/other-platform': '兼容性表不覆盖此平台；由运行时检测决定。',
    'intl/ios-safari': IOS_SAFARI,
    'intl/ios-wechat': IOS_WECHAT,
    'intl/ios-chrome': 'iOS 14.3 及以上版本的 Chrome 支持光线活体模式。',
    'intl/android-wechat': '安卓微信内置浏览器支持光线活体模式。',
    'intl/android-vendor-browser': VENDOR_BROWSER,
    'intl/android-xiaomi-browser': XIAOMI_BROWSER,
    'intl/android-qq-uc': '安卓上的 QQ 浏览器和 UC 浏览器不支持光线活体模式。',
    'intl/android-chrome-maker-hidden': '安卓 Chrome 在华为以外的手机上均受支持，而此浏览器标识隐藏了手机厂商。',
    'intl/android-chrome': '安卓 7 及以上版本的 Chrome 支持光线活体模式。',
    'intl/android-other': UNLISTED_ANDROID,
    'mainland/ios-safari': IOS_SAFARI,
    'mainland/ios-wechat': IOS_WECHAT,
    'mainland/ios-app-webview': '已为腾讯人脸核身适配的 App WebView，在 iOS 14.3 及以上版本支持光线活体模式。',
    'mainland/android-app-webview': '已为腾讯人脸核身适配的 App WebView，在安卓 7 及以上版本支持光线活体模式。',
    'mainland/android-wechat': '安卓 7 及以上版本、微信 6.5 及以上版本支持光线活体模式。',
    'mainland/android-vendor-browser': VENDOR_BROWSER,
    'mainland/android-xiaomi-browser': XIAOMI_BROWSER,
    'mainland/android-uc-baidu': '安卓上的 UC 浏览器和百度浏览器不支持光线活体模式。',
    'mainland/android-qq-browser': '安卓 7 及以上版本的 QQ 浏览器支持光线活体模式。',
  },
  osNames: {
    iOS: 'iOS',
    Android: '安卓',
    HarmonyOS: 'HarmonyOS',
    macOS: 'macOS',
    Windows: 'Windows',
    Linux: 'Linux',
    ChromeOS: 'ChromeOS',
    other: '系统',
    unknown: '系统',
  },
  browserNames: {
    safari: 'Safari',
    wechat: '微信',
    'huawei-browser': '华为浏览器',
    'honor-browser': '荣耀浏览器',
    'oppo-browser': '欢太浏览器',
    'vivo-browser': 'vivo 浏览器',
    'meizu-browser': '魅族浏览器',
    'miui-browser': '小米浏览器',
    'samsung-browser': '三星浏览器',
  },
  makerNames: {
    Apple: '苹果',
    Huawei: '华为',
    Honor: '荣耀',
    OPPO: 'OPPO',
    OnePlus: '一加',
    realme: 'realme',
    vivo: 'vivo',
    Xiaomi: '小米',
    Meizu: '魅族',
    Samsung: '三星',
    Nubia: '努比亚',
    ZTE: '中兴',
    Smartisan: '锤子',
    Sony: '索尼',
    Lenovo: '联想',
    Motorola: '摩托罗拉',
    Google: '谷歌',
    Readboy: '读书郎',
    other: '其他厂商',
  },
  reasons: {
    'below-minimum': (what: string, minimum: string, actual: string) => `需要 ${what} ${minimum} 或更高版本；当前为 ${what} ${actual}。`,
    'version-hidden': (what: string, minimum: string) => `需要 ${what} ${minimum} 或更高版本，而此浏览器标识未显示版本。`,
    'possible-ipad': '这可能是请求电脑版网站的 iPad；在浏览器中，是否支持触控可以确认。',
    'ipados-by-touch': '电脑版 Safari 的浏览器标识且支持触控：按 iPadOS 处理。',
    'reduced-ua': 'Chrome 精简了浏览器标识（隐藏了安卓版本和手机型号）；Client Hints 可以提供它们。',
    'client-hints': '安卓版本和手机型号来自 UA Client Hints。',
    'frozen-ios-version': (osVersion: string) => `Safari 在浏览器标识中固定了 iOS 版本；iOS ${osVersion} 读取自 Safari 自身的版本号。`,
    'truncated-ua': '浏览器标识异常地长；只读取了开头和结尾。',
    'not-makers-phone': (browser: string, maker: string) => `${browser}只有在其厂商自己的手机上才算自带浏览器；这部手机的厂商是${maker}。`,
    'maker-hidden-for-browser': (browser: string) => `${browser}只有在其厂商自己的手机上才算自带浏览器，而此浏览器标识隐藏了手机厂商。`,
    'disguised-browser': '此浏览器发送 Safari 或 Chrome 的浏览器标识并附加了自己的名称：它是另一个浏览器或应用。',
    'probe-failed': {
      secureContext: '页面不是安全上下文（HTTPS），无法使用摄像头。',
      getUserMedia: '此浏览器没有摄像头接口（getUserMedia）。',
      cameraPolicy: '嵌入此页面的网页通过权限策略禁止了摄像头。',
      peerConnection: '此浏览器不支持实时通信（RTCPeerConnection）。',
      h264: '此浏览器无法发送用于实时通信的 H.264 视频。',
    },
    'probes-settled': '光线活体模式所需的运行时检测全部通过；仅凭兼容性表无法判断。',
    'probe-unanswered': {
      h264: '浏览器未能及时回答能否发送 H.264 视频；由兼容性表和其他检测决定。',
      clientHints: '浏览器未能及时提供 Client Hints；只读取了浏览器标识。',
    },
    'probe-unknown': {
      secureContext: '此浏览器未报告页面是否为安全上下文（HTTPS）；这不排除光线活体模式。',
      getUserMedia: '无法检测此浏览器是否有摄像头接口；这不排除光线活体模式。',
      cameraPolicy: '此浏览器无法报告页面的权限策略是否允许使用摄像头；这不排除光线活体模式。',
      peerConnection: '无法检测此浏览器是否支持实时通信（RTCPeerConnection）；这不排除光线活体模式。',
      h264: '此浏览器无法说明能否发送 H.264 视频；这不排除光线活体模式。',
    },
  },
};

export default zhCN;
