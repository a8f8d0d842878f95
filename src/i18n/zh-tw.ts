import type { LanguagePack } from './en.js';

const zhTW: LanguagePack = {
  $code: 'zh-tw',
  $name: '繁體中文',
  $dir: 'ltr',
  cameraBusy: '無法存取相機/麥克風。請確認沒有其他應用程式正在使用它們，然後再試一次。',
  cameraDenied: '整個驗證過程都需要裝置的相機和麥克風權限。請清除瀏覽器快取後再試一次。',
  cameraUnavailable: '請檢查相機/麥克風能否正常使用，然後再試一次',
  promptWaiting: '正在等待你的回應：瀏覽器詢問是否允許使用相機時，請點選「允許」。',
  insecureContext: '此頁面不安全（非 HTTPS），瀏覽器不會開啟相機。請聯絡網站管理者。',
  noGetUserMedia: '此瀏覽器無法開啟相機。請在 Safari（iPhone）或 Chrome（Android）中開啟此頁面。',
  blockedByPolicy: '嵌入此頁面的網頁不允許使用相機。請聯絡網站管理者。',
  openInBrowserMenu: (app) => `你正在${app}中瀏覽。請點選右上角的「···」，選擇「在瀏覽器中開啟」。`,
  openInBrowserGeneric: (app) => `你正在${app}中瀏覽。請在手機瀏覽器（Safari 或 Chrome）中開啟此頁面。`,
  appWeChat: '微信',
  appWeCom: '企業微信',
  appQQ: 'QQ',
  appAlipay: '支付寶',
  appDingTalk: '釘釘',
  appWeibo: '微博',
  appDouyin: '抖音',
  appTikTok: 'TikTok',
  appToutiao: '今日頭條',
  appBaidu: '百度',
  appOther: '應用程式',
};

export default zhTW;
