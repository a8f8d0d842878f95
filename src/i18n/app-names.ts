/**
 * The apps' own names in Latin script, as their international versions call themselves: English,
 * Thai and Indonesian users know them by these. (Chinese uses the apps' Chinese names.)
 */
export const latinAppNames = {
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
} as const;
