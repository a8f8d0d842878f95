import type { ReasonWords } from './en.js';
import { latinOSNames } from './latin-names.js';

// The reasons under "Why?" in 繁體中文. Brand names stay as their makers write them where
// users know them so; the type is English's, so a missing word does not compile.

const UNLISTED_IOS = '此 iOS 瀏覽器或應用程式不在相容性表中；由執行時檢測決定。';
const UNLISTED_ANDROID = '此 Android 瀏覽器或應用程式不在相容性表中；由執行時檢測決定。';
const IOS_SAFARI = 'iOS 11.1.2 以上版本的 Safari 支援光線活體模式。';
const IOS_WECHAT = 'iOS 14.3 以上版本、WeChat 6.5 以上版本支援光線活體模式。';
const VENDOR_BROWSER = 'Android 7 以上版本的手機廠商內建瀏覽器：約 80% 的裝置支援光線活體模式。';
const XIAOMI_BROWSER = '小米內建瀏覽器：僅約 30% 的裝置支援光線活體模式。';

const zhTW: ReasonWords = {
  rules: {
    'fact/no-user-agent': '沒有可讀取的瀏覽器識別（不是字串或為空）；由執行時檢測決定。',
    'fact/desktop': '這是電腦瀏覽器：相容性表只涵蓋手機，由執行時檢測決定。',
    'fact/harmonyos-next': 'HarmonyOS NEXT 不在相容性表中；由執行時檢測決定。',
    'fact/ios-unlisted': UNLISTED_IOS,
    'fact/huawei-chromium': '華為手機上的 Chrome 及以 Chrome 為基礎的瀏覽器無法以 H.264 進行即時視訊。',
    'fact/android-unlisted': UNLISTED_ANDROID,
    'fact/other-platform': '相容性表不涵蓋此平台；由執行時檢測決定。',
    'intl/ios-safari': IOS_SAFARI,
    'intl/ios-wechat': IOS_WECHAT,
    'intl/ios-chrome': 'iOS 14.3 以上版本的 Chrome 支援光線活體模式。',
    'intl/android-wechat': 'Android 版 WeChat 內建瀏覽器支援光線活體模式。',
    'intl/android-vendor-browser': VENDOR_BROWSER,
    'intl/android-xiaomi-browser': XIAOMI_BROWSER,
    'intl/android-qq-uc': 'Android 上的 QQ 瀏覽器和 UC 瀏覽器不支援光線活體模式。',
    'intl/android-chrome-maker-hidden': 'Android 版 Chrome 在華為以外的手機上皆受支援，而此瀏覽器識別隱藏了手機廠商。',
    'intl/android-chrome': 'Android 7 以上版本的 Chrome 支援光線活體模式。',
    'intl/android-other': UNLISTED_ANDROID,
    'mainland/ios-safari': IOS_SAFARI,
    'mainland/ios-wechat': IOS_WECHAT,
    'mainland/ios-app-webview': '已為騰訊人臉核身調整的 App WebView，在 iOS 14.3 以上版本支援光線活體模式。',
    'mainland/android-app-webview': '已為騰訊人臉核身調整的 App WebView，在 Android 7 以上版本支援光線活體模式。',
    'mainland/android-wechat': 'Android 7 以上版本、WeChat 6.5 以上版本支援光線活體模式。',
    'mainland/android-vendor-browser': VENDOR_BROWSER,
    'mainland/android-xiaomi-browser': XIAOMI_BROWSER,
    'mainland/android-uc-baidu': 'Android 上的 UC 瀏覽器和百度瀏覽器不支援光線活體模式。',
    'mainland/android-qq-browser': 'Android 7 以上版本的 QQ 瀏覽器支援光線活體模式。',
  },
  osNames: {
    ...latinOSNames,
    other: '系統',
    unknown: '系統',
  },
  browserNames: {
    safari: 'Safari',
    wechat: 'WeChat',
    'huawei-browser': '華為瀏覽器',
    'honor-browser': '榮耀瀏覽器',
    'oppo-browser': '歡太瀏覽器',
    'vivo-browser': 'vivo 瀏覽器',
    'meizu-browser': '魅族瀏覽器',
    'miui-browser': '小米瀏覽器',
    'samsung-browser': '三星瀏覽器',
  },
  makerNames: {
    Apple: '蘋果',
    Huawei: '華為',
    Honor: '榮耀',
    OPPO: 'OPPO',
    OnePlus: '一加',
    realme: 'realme',
    vivo: 'vivo',
    Xiaomi: '小米',
    Meizu: '魅族',
    Samsung: '三星',
    Nubia: '努比亞',
    ZTE: '中興',
    Smartisan: '錘子',
    Sony: '索尼',
    Lenovo: '聯想',
    Motorola: '摩托羅拉',
    Google: 'Google',
    Readboy: '讀書郎',
    other: '其他廠商',
  },
  reasons: {
    'below-minimum': (what: string, minimum: string, actual: string) => `需要 ${what} ${minimum} 以上版本；目前為 ${what} ${actual}。`,
    'version-hidden': (what: string, minimum: string) => `需要 ${what} ${minimum} 以上版本，而此瀏覽器識別未顯示版本。`,
    'possible-ipad': '這可能是要求電腦版網站的 iPad；在瀏覽器中，是否支援觸控可以確認。',
    'ipados-by-touch': '電腦版 Safari 的瀏覽器識別且支援觸控：視為 iPadOS。',
    'reduced-ua': 'Chrome 精簡了瀏覽器識別（隱藏了 Android 版本和手機型號）；Client Hints 可以提供它們。',
    'client-hints': 'Android 版本和手機型號來自 UA Client Hints。',
    'frozen-ios-version': (osVersion: string) => `Safari 在瀏覽器識別中固定了 iOS 版本；iOS ${osVersion} 讀取自 Safari 本身的版本號。`,
    'truncated-ua': '瀏覽器識別異常地長；只讀取了開頭和結尾。',
    'not-makers-phone': (browser: string, maker: string) => `${browser}只有在其廠商自己的手機上才算內建瀏覽器；這支手機的廠商是${maker}。`,
    'maker-hidden-for-browser': (browser: string) => `${browser}只有在其廠商自己的手機上才算內建瀏覽器，而此瀏覽器識別隱藏了手機廠商。`,
    'disguised-browser': '此瀏覽器傳送 Safari 或 Chrome 的瀏覽器識別並加上了自己的名稱：它是另一個瀏覽器或應用程式。',
    'probe-failed': {
      secureContext: '頁面不是安全環境（HTTPS），無法使用相機。',
      getUserMedia: '此瀏覽器沒有相機介面（getUserMedia）。',
      cameraPolicy: '嵌入此頁面的網頁以權限政策禁止了相機。',
      peerConnection: '此瀏覽器不支援即時通訊（RTCPeerConnection）。',
      h264: '此瀏覽器無法傳送用於即時通訊的 H.264 視訊。',
    },
    'probes-settled': '光線活體模式所需的執行時檢測全部通過；僅憑相容性表無法判斷。',
    'probe-unanswered': {
      h264: '瀏覽器未能及時回答能否傳送 H.264 視訊；由相容性表和其他檢測決定。',
      clientHints: '瀏覽器未能及時提供 Client Hints；只讀取了瀏覽器識別。',
    },
    'probe-unknown': {
      secureContext: '此瀏覽器未回報頁面是否為安全環境（HTTPS）；這不排除光線活體模式。',
      getUserMedia: '無法檢測此瀏覽器是否有相機介面；這不排除光線活體模式。',
      cameraPolicy: '此瀏覽器無法回報頁面的權限政策是否允許使用相機；這不排除光線活體模式。',
      peerConnection: '無法檢測此瀏覽器是否支援即時通訊（RTCPeerConnection）；這不排除光線活體模式。',
      h264: '此瀏覽器無法說明能否傳送 H.264 視訊；這不排除光線活體模式。',
    },
  },
};

export default zhTW;
