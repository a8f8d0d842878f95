import type { LanguagePack } from './en.js';

// Tencent's Chinese doc keeps the three camera messages in English; these translations are ours.
const zhCN: LanguagePack = {
  $code: 'zh-cn',
  $name: '简体中文',
  $dir: 'ltr',
  cameraBusy: '无法访问摄像头/麦克风。请确认没有其他应用正在使用它们，然后重试。',
  cameraDenied: '整个验证过程都需要使用设备的摄像头和麦克风权限。请清除浏览器缓存后重试。',
  cameraUnavailable: '请检查摄像头/麦克风能否正常使用，然后重试',
  promptWaiting: '正在等待你的确认：浏览器询问是否允许使用摄像头时，请点击“允许”。',
  insecureContext: '此页面不安全（非 HTTPS），浏览器不会打开摄像头。请联系网站方。',
  noGetUserMedia: '此浏览器无法打开摄像头。请在 Safari（iPhone）或 Chrome（安卓）中打开此页面。',
  blockedByPolicy: '嵌入此页面的网页不允许使用摄像头。请联系网站方。',
  openInBrowserMenu: (app) => `你正在${app}中浏览。请点击右上角的“···”，选择“在浏览器中打开”。`,
  openInBrowserGeneric: (app) => `你正在${app}中浏览。请在手机浏览器（Safari 或 Chrome）中打开此页面。`,
  appWeChat: '微信',
  appWeCom: '企业微信',
  appQQ: 'QQ',
  appAlipay: '支付宝',
  appDingTalk: '钉钉',
  appWeibo: '微博',
  appDouyin: '抖音',
  appTikTok: 'TikTok',
  appToutiao: '今日头条',
  appBaidu: '百度',
  appOther: '应用',
};

export default zhCN;
