import type { ReasonWords } from './en.js';
import { latinBrowserNames, latinMakerNames, latinOSNames } from './latin-names.js';

// The reasons under "Why?" in Bahasa Indonesia. Brand names stay as their makers write them where
// users know them so; the type is English's, so a missing word does not compile.

const UNLISTED_IOS = 'Browser atau aplikasi iOS ini tidak ada di tabel; pemeriksaan saat berjalan yang menentukan.';
const UNLISTED_ANDROID = 'Browser atau aplikasi Android ini tidak ada di tabel; pemeriksaan saat berjalan yang menentukan.';
const IOS_SAFARI = 'Safari di iOS 11.1.2 atau lebih baru mendukung mode pantulan cahaya.';
const IOS_WECHAT = 'WeChat 6.5 atau lebih baru di iOS 14.3 atau lebih baru mendukung mode pantulan cahaya.';
const VENDOR_BROWSER =
  'Browser bawaan produsen ponsel di Android 7 atau lebih baru: sekitar 80% perangkat ini mendukung mode pantulan cahaya.';
const XIAOMI_BROWSER = 'Browser bawaan Xiaomi: hanya sekitar 30% perangkat ini mendukung mode pantulan cahaya.';

const id: ReasonWords = {
  rules: {
    'fact/no-user-agent': 'Tidak ada identitas browser untuk dibaca (bukan teks, atau kosong); pemeriksaan saat berjalan yang menentukan.',
    'fact/desktop': 'Ini browser komputer: tabel hanya mencakup ponsel, jadi pemeriksaan saat berjalan yang menentukan.',
    'fact/harmonyos-next': 'HarmonyOS NEXT tidak ada di tabel; pemeriksaan saat berjalan yang menentukan.',
    'fact/ios-unlisted': UNLISTED_IOS,
    'fact/huawei-chromium': 'Chrome dan browser berbasis Chrome di ponsel Huawei tidak dapat memakai H.264 untuk video waktu nyata.',
    'fact/android-unlisted': UNLISTED_ANDROID,
    'fact/other-platform': 'Tabel tidak mencakup platform ini; pemeriksaan saat berjalan yang menentukan.',
    'intl/ios-safari': IOS_SAFARI,
    'intl/ios-wechat': IOS_WECHAT,
    'intl/ios-chrome': 'Chrome di iOS 14.3 atau lebih baru mendukung mode pantulan cahaya.',
    'intl/android-wechat': 'Browser bawaan WeChat di Android mendukung mode pantulan cahaya.',
    'intl/android-vendor-browser': VENDOR_BROWSER,
    'intl/android-xiaomi-browser': XIAOMI_BROWSER,
    'intl/android-qq-uc': 'QQ Browser dan UC Browser di Android tidak mendukung mode pantulan cahaya.',
    'intl/android-chrome-maker-hidden':
      'Chrome di Android didukung kecuali di ponsel Huawei, dan identitas browser ini menyembunyikan produsen ponsel.',
    'intl/android-chrome': 'Chrome di Android 7 atau lebih baru mendukung mode pantulan cahaya.',
    'intl/android-other': UNLISTED_ANDROID,
    'mainland/ios-safari': IOS_SAFARI,
    'mainland/ios-wechat': IOS_WECHAT,
    'mainland/ios-app-webview':
      'WebView aplikasi yang disiapkan untuk verifikasi wajah Tencent, di iOS 14.3 atau lebih baru, mendukung mode pantulan cahaya.',
    'mainland/android-app-webview':
      'WebView aplikasi yang disiapkan untuk verifikasi wajah Tencent, di Android 7 atau lebih baru, mendukung mode pantulan cahaya.',
    'mainland/android-wechat': 'WeChat 6.5 atau lebih baru di Android 7 atau lebih baru mendukung mode pantulan cahaya.',
    'mainland/android-vendor-browser': VENDOR_BROWSER,
    'mainland/android-xiaomi-browser': XIAOMI_BROWSER,
    'mainland/android-uc-baidu': 'UC Browser dan browser Baidu di Android tidak mendukung mode pantulan cahaya.',
    'mainland/android-qq-browser': 'QQ Browser di Android 7 atau lebih baru mendukung mode pantulan cahaya.',
  },
  osNames: {
    ...latinOSNames,
    other: 'sistem operasi',
    unknown: 'sistem operasi',
  },
  browserNames: {
    ...latinBrowserNames,
  },
  makerNames: {
    ...latinMakerNames,
    other: 'produsen lain',
  },
  reasons: {
    'below-minimum': (what: string, minimum: string, actual: string) =>
      `Diperlukan ${what} ${minimum} atau lebih baru; ini ${what} ${actual}.`,
    'version-hidden': (what: string, minimum: string) =>
      `Diperlukan ${what} ${minimum} atau lebih baru, dan identitas browser ini tidak menunjukkan versinya.`,
    'possible-ipad': 'Ini mungkin iPad yang meminta situs versi komputer; di browser, dukungan layar sentuh memastikannya.',
    'ipados-by-touch': 'Identitas browser Safari versi komputer dengan dukungan layar sentuh: dianggap iPadOS.',
    'reduced-ua':
      'Chrome mengurangi identitas browsernya (versi Android dan model ponsel disembunyikan); Client Hints dapat mengungkapkannya.',
    'client-hints': 'Versi Android dan model ponsel berasal dari UA Client Hints.',
    'frozen-ios-version': (osVersion: string) =>
      `Safari membekukan versi iOS di identitas browsernya; iOS ${osVersion} dibaca dari versi Safari sendiri.`,
    'truncated-ua': 'Identitas browser ini panjangnya tidak wajar; hanya awal dan akhirnya yang dibaca.',
    'not-makers-phone': (browser: string, maker: string) =>
      `${browser} dihitung sebagai browser bawaan hanya di ponsel buatan produsennya sendiri; ponsel ini buatan ${maker}.`,
    'maker-hidden-for-browser': (browser: string) =>
      `${browser} dihitung sebagai browser bawaan hanya di ponsel buatan produsennya sendiri, dan identitas browser ini menyembunyikan produsen ponsel.`,
    'disguised-browser': 'Browser ini mengirim identitas Safari atau Chrome dengan nama sendiri: ini browser atau aplikasi lain.',
    'probe-failed': {
      secureContext: 'Halaman ini bukan konteks aman (HTTPS), jadi kamera tidak dapat dipakai.',
      getUserMedia: 'Browser ini tidak memiliki API kamera (getUserMedia).',
      cameraPolicy: 'Kebijakan izin halaman yang menyematkan halaman ini memblokir kamera.',
      peerConnection: 'Browser ini tidak mendukung komunikasi waktu nyata (RTCPeerConnection).',
      h264: 'Browser ini tidak dapat mengirim video H.264 untuk komunikasi waktu nyata.',
    },
    'probes-settled': 'Semua pemeriksaan saat berjalan untuk mode pantulan cahaya lulus; tabel saja tidak dapat memutuskan.',
    'probe-unanswered': {
      h264: 'Browser tidak menjawab tepat waktu apakah dapat mengirim video H.264; tabel dan pemeriksaan lain yang memutuskan.',
      clientHints: 'Browser tidak memberikan Client Hints tepat waktu; hanya identitas browsernya yang dibaca.',
    },
    'probe-unknown': {
      secureContext:
        'Browser ini tidak memberi tahu apakah halaman ini konteks aman (HTTPS); hal itu tidak menutup kemungkinan mode pantulan cahaya.',
      getUserMedia: 'Tidak dapat diperiksa apakah browser ini memiliki API kamera; hal itu tidak menutup kemungkinan mode pantulan cahaya.',
      cameraPolicy:
        'Browser ini tidak dapat melaporkan apakah kebijakan izin halaman mengizinkan kamera; hal itu tidak menutup kemungkinan mode pantulan cahaya.',
      peerConnection:
        'Tidak dapat diperiksa apakah browser ini mendukung komunikasi waktu nyata (RTCPeerConnection); hal itu tidak menutup kemungkinan mode pantulan cahaya.',
      h264: 'Browser ini tidak dapat memberi tahu apakah dapat mengirim video H.264; hal itu tidak menutup kemungkinan mode pantulan cahaya.',
    },
  },
};

export default id;
