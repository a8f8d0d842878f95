import { latinAppNames } from './app-names.js';
import type { LanguagePack } from './en.js';
import reasonWords from './reasons/id.js';

const id: LanguagePack = {
  $code: 'id',
  $name: 'Bahasa Indonesia',
  $dir: 'ltr',
  cameraBusy:
    'Tidak dapat mengakses kamera/mikrofon Anda. Pastikan tidak ada aplikasi lain yang meminta akses ke keduanya, lalu coba lagi.',
  cameraDenied:
    'Izin mikrofon dan kamera perangkat Anda diperlukan selama seluruh proses verifikasi. Hapus cache browser Anda, lalu coba lagi.',
  cameraUnavailable: 'Periksa apakah kamera/mikrofon dapat diakses dengan normal, lalu coba lagi',
  promptWaiting: 'Masih menunggu jawaban Anda: saat browser meminta izin menggunakan kamera, ketuk Izinkan.',
  noAnswerTitle: 'Kamera belum merespons',
  noAnswer:
    'Jika browser meminta izin menggunakan kamera, ketuk Izinkan. Jika tidak ada permintaan itu, muat ulang halaman ini atau buka di browser lain.',
  insecureContext: 'Halaman ini tidak aman (bukan HTTPS), jadi browser tidak akan membuka kamera. Harap beri tahu pemilik situs.',
  noGetUserMedia: 'Browser ini tidak dapat membuka kamera.',
  blockedByPolicy: 'Halaman yang menyematkan halaman ini tidak mengizinkan kamera. Harap beri tahu pemilik situs.',
  openInBrowserMenu: (app) => `Anda sedang berada di ${app}. Ketuk ··· di pojok kanan atas, lalu pilih Buka di Browser.`,
  openInBrowserGeneric: (app) => `Anda sedang berada di ${app}. Buka halaman ini di browser ponsel Anda (Safari atau Chrome).`,
  ...latinAppNames,
  appOther: 'aplikasi',
  checking: 'Memeriksa browser Anda…',
  readyReflection: 'Siap untuk verifikasi wajah',
  readyReflectionDetail: 'Pegang ponsel sejajar mata. Layar akan berkedip beberapa warna selama pemeriksaan.',
  readyVideo: 'Siap untuk verifikasi video',
  readyVideoDetail: 'Anda akan merekam video singkat wajah Anda. Cari tempat yang terang.',
  checkCamera: 'Periksa kamera saya',
  requesting: 'Membuka kamera Anda…',
  cameraReady: 'Kamera Anda berfungsi.',
  startVerification: 'Mulai verifikasi',
  retry: 'Coba lagi',
  cameraProblem: 'Masalah kamera',
  cannotVerify: 'Browser ini tidak dapat menyelesaikan verifikasi.',
  adviceSafari: 'Buka halaman ini di Safari.',
  adviceChrome: 'Buka halaman ini di Chrome.',
  adviceHuaweiBrowser:
    'Chrome tidak dapat menjalankan verifikasi di ponsel Huawei. Buka halaman ini di browser bawaan ponsel Anda (Huawei Browser).',
  adviceOtherPhone: 'Ponsel ini tidak dapat menjalankan verifikasi. Buka halaman ini di ponsel lain dengan sistem yang lebih baru.',
  advicePhone: 'Buka halaman ini di ponsel Anda.',
  adviceSupportedBrowser: 'Buka halaman ini di Safari (iPhone) atau Chrome (Android).',
  openInBrowserTitle: 'Buka halaman ini di browser Anda',
  handingOff: 'Membuka halaman verifikasi…',
  handoffFailed: 'Halaman verifikasi tidak dapat dibuka. Silakan coba lagi.',
  loadFailed: 'Sebagian halaman ini gagal dimuat',
  loadFailedDetail: 'Periksa koneksi Anda, lalu coba lagi.',
  why: 'Mengapa?',
  reasonWords,
};

export default id;
