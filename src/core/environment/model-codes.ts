/**
 * Model-code data: which maker a bare Android model token belongs to, for the makers whose
 * Chinese (and some global) codes ua-parser-js 1.x does not name or names wrongly. Data only.
 *
 * Why this exists. Chrome on Huawei devices has no WebRTC H.264, so the Huawei/Honor split
 * matters: Honor phones released after Honor Device Co. left Huawei (sale announced
 * 17 November 2020) are a separate maker and not affected, while Honor-brand phones Huawei made
 * before the split count as Huawei. ua-parser-js 1.x reports nearly every Honor code as Huawei
 * (and, conversely, a few pre-split Honor pads such as JDN2-W09HN as Honor).
 *
 * Where the facts come from (restated in our own form; no code copied):
 * - matomo device-detector, regexes/device/mobiles.yml: the "Honor" brand section (grouped by
 *   year, 2021-2025) and the "Huawei" section (incl. its "Honor line" and 2020 entries);
 *   the OPPO/OnePlus/Samsung/Sony/Motorola/MTN entries used below. Checked a 2025 copy.
 * - KHwang9883/MobileModels (GitHub, "mobile phone model summary"): brands/honor_cn.md (2025
 *   version: Magic7, 300 series, X60, Pad V9/X9), brands/honor.md as of 2020-07-05 (a snapshot
 *   of the pre-split Honor line-up), honor_global_en.md, oneplus.md / oneplus_en.md,
 *   oppo_cn.md, realme_cn.md, vivo_cn.md, xiaomi_cn.md, meizu.md, nubia.md, smartisan.md.
 * - spike0en/oneplus_archive README (OnePlus 15 = PLK110 / CPH2745/2747/2749, 13T = PKX110,
 *   13s = CPH2723, Pad 3 = OPD2413/OPD2415).
 * - ua-parser-js 1.0.41 src/ua-parser.js, only to learn which codes it already names.
 *
 * Conventions.
 * - Every pattern is anchored (^…$), written in capitals and matched against the uppercased token
 *   (case-insensitive without the `i` flag's compile cost), and has no quantified group that itself
 *   contains a quantifier, so matching is linear in the token length.
 * - Families are meant to be mutually exclusive: a token matches at most one family. Where
 *   Huawei and Honor (or OPPO and OnePlus) share a code prefix, the families list exact suffixes.
 * - A 3-letter prefix followed by a generic suffix (`-AN00`, `-NX9`, `-LX1`, `-N49`, `-W09HN`,
 *   `-AL00a`…) is used only for prefixes no other maker is known to use.
 *
 * Deliberately left out (a wrong maker is worse than none; ua-parser-js still says "Huawei"
 * for most of these, which is the cautious answer):
 * - KJR-W09: Honor Pad V6 re-made by Honor after the split, but the V6 is a Kirin 985 design.
 * - AGR-W09HN / AGR-AL09HN (Honor Pad X6, Kirin 710A): release date 2020 vs 2021 not settled.
 *   Note ua-parser-js 1.x already labels these "Honor".
 * - NNH-AN00, RTG-NX9, GBD-NX9: listed by matomo only, not confirmed elsewhere.
 * - VNA-L29 (an older matomo entry called it Honor View 20) and GFY-LX1 (matomo lists it under
 *   Huawei; GFY-LX2/-LX3 are Honor X5b / Play 9A): not confirmed.
 * - Meizu product numbers (M881Q…), Lenovo L7xxxx and ZTE codes: clash with other makers'
 *   codes (e.g. Xiaomi 17T is M531DA) or were not checked.
 */

import type { Maker } from './types.js';

/** One maker's model codes, as they appear in the Android UA model token or Sec-CH-UA-Model. */
export interface ModelCodeFamily {
  maker: Exclude<Maker, 'Apple' | 'other'>;
  /**
   * Anchored, linear-time (no nested quantifiers) regex over the UPPERCASED model token: written in
   * capitals, without the `i` flag, because a case-insensitive pattern this size costs V8 more than
   * twice as much to compile, on the first prediction of every page.
   */
  pattern: RegExp;
}

export const modelCodeFamilies: readonly ModelCodeFamily[] = [
  // ───────────────────────────── Honor (post-split, 2021 onwards) ─────────────────────────────
  // Honor phones 2021+ (50/60/70/80/90/100/200/300/400/500/600, X20-X70 & X5-X9 lines, Play
  // 5-9/20-70, Magic3-8, Magic V/Vs/V2/V3/V5, GT, Power); prefixes only Honor uses. Edge dates: YOK-
  // AN10 (V40, Jan 2021) and ALA-AN70 (V40 Lite, Mar 2021) launched after the split on MediaTek;
  // HJC-LX9 (Play 20 Pro) date unconfirmed, same design as Play5 (May 2021)
  {
    maker: 'Honor',
    pattern:
      /^(?:HONOR[ _-])?(?:ADT|AGI|AGT|ALA|ALI|AMG|AMM|AMP|ANB|ANN|ANP|ANY|BKQ|BRC|BRP|BVL|CLE|CLK|CMA|CRT|DIO|DNP|DNY|DVD|ELA|ELI|ELP|ELZ|FCP|FLC|FNE|FRI|GIA|HJC|HPB|JDY|JLH|KOZ|LGN|LLY|LSA|LYN|MAA|MAG|MBH|MGI|NLA|NTH|NTN|NZA|PGT|PNM|PPG|PTP|RBN|REA|REP|RKY|RMO|RNA|SDY|TFY|TNA|VCA|VER|VKJ|VKP|VNE|WDY|WOD|YOK)-[A-Z]{1,2}\d{1,2}[A-Z]{0,3}$/,
  },
  // Honor tablets 2021+: Pad V7/V7 Pro/V8 (KRJ2, BRT), V8 Pro/9 Pro/MagicPad 2/GT Pro (ROD, ROD2),
  // V9/GT (ROL), 8/9/10 (HEY, HEY2, HEY3), MagicPad 13/3 (GDI, CGA), X8 Pro/X9/X9a (ELN, ELN2),
  // X8a/X8b (NDL, NDL2), X7 8.7" (JMS)
  {
    maker: 'Honor',
    pattern: /^(?:HONOR[ _-])?(?:BRT|CGA|ELN|ELN2|GDI|HEY|HEY2|HEY3|JMS|KRJ2|NDL|NDL2|ROD|ROD2|ROL)-[A-Z]{1,2}\d{1,2}[A-Z]{0,3}$/,
  },
  // Honor phones whose prefix another maker or an older Honor also uses, so suffixes are exact: X50
  // Pro ALP-AN00 (Huawei Mate 10 is ALP-AL00/L29), Play9T/X7c ALT (Mate X3/X5 are ALT-AL/L29),
  // X70i/X8c/400 Lite ABR (P50 is ABR-AL/LX9), 600 Lite LNA-NX1 (P60 is LNA-AL00/LX9), X5b/Play 9A
  // GFY, Play 60/X6c NIC (P30 lite NIC-LX1A), X20 SE/Play5T Pro CHL (nova 8 SE Vitality is CHL-
  // AL60), Magic V Flip LRA-AN00 (Honor 20 Lite/30i were LRA-AL00/LX1), 400 DNN-AN00 (X10 Lite was
  // DNN-LX9), X30 Max KKG-AN70 (X10 Max was KKG-AN00), X5 VNA-LX2/3, X70/X9d/Magic8 Lite MTN (MTN
  // telecom also uses MTN-), Magic4 LGE, Play5 Vitality NEW, Play 70 Plus LOG, X7e LAB, 500 MEP/MEY
  {
    maker: 'Honor',
    pattern:
      /^(?:HONOR[ _-])?(?:ALP-AN00|ALT-(?:AN00|LX[1-3]|NX[13])|ABR-(?:AN00|LX[1-3]|NX[13])|LNA-NX1|GFY-(?:LX2P?|LX3)|NIC-(?:AN00|LX[1-3])|CHL-A[LN]00|LRA-AN00|DNN-AN00|KKG-AN70|VNA-LX[23]|MTN-(?:AN[08]0|NX1M?|NX3)|LGE-(?:AN[012]0|NX9|N49B?)|NEW-AN90|LOG-AN00|LAB-LX[1-3]|MEP-AN00|MEY-AN00)$/,
  },
  // Honor tablets with the HN suffix made after the split: Pad 7/X8/Z5 (AGM3, 2021-22), Pad X8
  // Lite/Z3 (AGM, 2023), Pad X7 8" (KOB2-*HN, 2021 per matomo, not cross-checked; Huawei MatePad T8
  // is KOB2-L09/W09 without HN)
  {
    maker: 'Honor',
    pattern: /^(?:HONOR[ _-])?(?:AGM3?-(?:W|AL)09HN|KOB2-(?:W09|AL00)HN)$/,
  },

  // ─────────────────── Huawei: pre-split Honor-brand codes and shared prefixes ───────────────────
  // Honor-brand models Huawei made before Nov 2020 (count as Huawei): View10/V10 BKL, 20/20 Pro/20S
  // YAL, V9/8 Pro DUK, 8X/9X Lite JSN, 10 Lite/20i HRY, 9 Lite/9i LLD, 10 COL, V20 PCT, V30 OXF (Nov
  // 2019), 30 BMH, 30 Pro EBG, 30S CDY, 30 Youth MXW, X10 TEL, Play4 TNNH, Play4 Pro OXP, 9A/Play 9A
  // MOA, 9C/Play4T AKA, Play4T Pro AQM, Pad 2 JDN, Pad 5 8" JDN2, Pad V6 KRJ (2020; KRJ2 is the 2021
  // V7), Waterplay HDN/HDL, and older 4X-9X/Magic/Magic2/Note lines
  {
    maker: 'Huawei',
    pattern:
      /^(?:HONOR[ _-]|HUAWEI[ _-])?(?:AKA|AQM|ARE|ASK|ATH|AUM|BKK|BKL|BLN|BMH|BND|CAM|CDY|CHE|CHE1|CHE2|CHM|COL|COR|CUN|DLI|DUA|DUK|EBG|EDI|FRD|H30|H60|HDL|HDN|HLK|HOL|HRY|JAT|JDN|JDN2|JMM|JSN|KIW|KNT|KRJ|KSA|LLD|LND|MOA|MXW|MYA|NEM|NTS|OXF|OXP|PCT|PE|PLK|RVL|SCL|STF|TEL|TNNH|TNY|YAL)-[A-Z]{1,2}\d{1,2}[A-Z]{0,3}$/,
  },
  // Pre-split Honor codes whose prefix post-split Honor reused or that carry the HN suffix: X10 Max
  // KKG-AN00 (Jul 2020), 20 Lite/30i LRA-AL00/TL00/LX1, X10 Lite DNN-LX9 (Oct 2020, Kirin 710A), Pad
  // 5 10.1" AGS2-*HN (2019), Pad 6 AGS3-*HN (2020, Kirin 710A)
  {
    maker: 'Huawei',
    pattern: /^(?:HONOR[ _-]|HUAWEI[ _-])?(?:KKG-AN00|LRA-(?:AL00|TL00|LX1)|DNN-LX9|AGS2-(?:W09|AL00)HN|AGS3-(?:W09|AL09)HN)$/,
  },
  // Huawei-brand codes that share a prefix with post-split Honor codes (kept here so the two makers
  // stay disjoint): Mate 10 ALP, Mate X3/X5 ALT, P50/P50E ABR, P60 LNA, Enjoy 70S GFY-AL00, P30 lite
  // NIC-LX1A, nova 8 SE Vitality CHL-AL60
  {
    maker: 'Huawei',
    pattern:
      /^(?:HUAWEI[ _-])?(?:ALP-(?:AL00|TL00|L09|L29|L09S|L29S)|ALT-(?:AL00|AL10|L29)|ABR-(?:AL[0689]0|LX9)|LNA-(?:AL00|LX9)|GFY-AL00|NIC-LX1A|CHL-AL60)$/,
  },
  // Huawei tablets whose Wi-Fi/LTE codes ua-parser-js 1.x does not name: MediaPad C3/C5/C5e/T3 8
  // (BZA, BZC, BZD, BZI, BZK, BZT, BZT3, BZT4, BZW, e.g. BZT-W09), MatePad Pro 10.8 (MRX, MRR),
  // MatePad 10.8 (SCMR), MatePad Paper (HMW)
  {
    maker: 'Huawei',
    pattern: /^(?:HUAWEI[ _-])?(?:BZA|BZC|BZD|BZI|BZK|BZT|BZT3|BZT4|BZW|HMW|MRR|MRX|SCMR)-[A-Z]{1,2}\d{1,2}[A-Z]{0,3}$/,
  },

  // ───────────────────────────────────── OPPO / OnePlus ─────────────────────────────────────
  // OnePlus China P-codes (OPPO-group namespace): Ace PGKM10, Ace Racing PGZ110, Ace Pro PGP110, 11
  // PHB110, Ace 2 PHK110, Ace 2V PHP110, Ace 2 Pro PJA110, 12 PJD110, Ace 3 PJE110, Ace 3V PJF110,
  // Ace 3 Pro PJX110, 13 PJZ110, Ace 5 PKG110, Ace 5 Pro PKR110, 13T PKX110, 15 PLK110. Newer
  // OnePlus P-codes will fall into the OPPO family until listed
  {
    maker: 'OnePlus',
    pattern: /^(?:PGKM10|PGZ110|PGP110|PHB110|PHK110|PHP110|PJA110|PJD110|PJE110|PJF110|PJX110|PJZ110|PKG110|PKR110|PKX110|PLK110)$/,
  },
  // OPPO China P-codes: PxxM00/PxxT10 (2018-22, e.g. PEEM00 Find X3 Pro, PCRT01) and Pxx110/Pxx120
  // (2022+, e.g. PHM110 Reno9, PHY110/PHY120 Find X7 Ultra, PKC110 Find X8 Pro), minus the OnePlus
  // codes above
  {
    maker: 'OPPO',
    pattern:
      /^(?!(?:PGKM10|PGZ110|PGP110|PHB110|PHK110|PHP110|PJA110|PJD110|PJE110|PJF110|PJX110|PJZ110|PKG110|PKR110|PKX110|PLK110)$)P[A-Z]{2}(?:[MT]\d{2}|1[12]0)$/,
  },
  // OnePlus global codes: the CPH numbers OnePlus took from the shared OPPO-group range
  // (10R/10T/11/11R/12/12R/13/13R/13s/15, Nord 2T-4, CE 2 Lite-CE4 Lite, N20-N300, Open; CPH2449 =
  // OnePlus 11 EU/global), the 2019-22 letter codes (GM19xx 7/7 Pro, HD19xx 7T, IN20xx 8, KB200x 8T,
  // LE21xx 9/9R/9 Pro, MT211x 9RT, NE221x 10 Pro, AC/DN/EB/IV/BE/DE/GN Nord), and the OnePlus Pads
  // (OPD2203/2304/2305/2403/2404/2407/2413/2415)
  {
    maker: 'OnePlus',
    pattern:
      /^(?:CPH(?:2381|2389|2399|2401|2409|2411|2413|2415|2417|2419|2423|2447|2449|2451|2459|2465|2467|2469|2487|2491|2493|2513|2515|2551|2569|2573|2581|2583|2585|2605|2609|2611|2613|2619|2621|2645|2647|2649|2653|2655|2661|2663|2691|2723|2745|2747|2749)|GM19(?:0[0135]|1[01357]|2[05])|HD19(?:0[01357]|1[013]|25)|IN20(?:1[013579]|2[0135])|KB200[01357]|LE21(?:0[01]|1[013579]|2[01357])|MT211[01]|NE221[01357]|AC200[13]|DN210[13]|EB210[13]|IV2201|BE20(?:1[1235]|2[5689])|DE211[78]|GN2200|OPD(?:2203|2304|2305|2403|2404|2407|2413|2415))$/,
  },
  // Early OnePlus model names: ONE A2001/E1003 (One, 2, X), ONEPLUS A3000-A6013 (3 to 6T)
  {
    maker: 'OnePlus',
    pattern: /^(?:ONEPLUS[ _-]?|ONE )[A-Z]\d{4}$/,
  },
  // OPPO global codes CPHnnnn (e.g. CPH2651 Find X8, CPH2659 Find X8 Pro), minus the CPH numbers
  // listed for OnePlus; a new OnePlus CPH code lands here until listed
  {
    maker: 'OPPO',
    pattern:
      /^(?!CPH(?:2381|2389|2399|2401|2409|2411|2413|2415|2417|2419|2423|2447|2449|2451|2459|2465|2467|2469|2487|2491|2493|2513|2515|2551|2569|2573|2581|2583|2585|2605|2609|2611|2613|2619|2621|2645|2647|2649|2653|2655|2661|2663|2691|2723|2745|2747|2749)$)CPH\d{4}$/,
  },
  // OPPO Pads (OPD2101 Pad, OPD2102 Pad Air, OPD2201 Pad 2, OPD2301 Pad Air2…); OPD numbers used by
  // OnePlus Pads are excluded
  {
    maker: 'OPPO',
    pattern: /^(?!OPD(?:2203|2304|2305|2403|2404|2407|2413|2415)$)OPD\d{4}$/,
  },
  // Older OPPO models that put the brand in the model name (OPPO R11, OPPO A57…)
  {
    maker: 'OPPO',
    pattern: /^OPPO[ _-][0-9A-Z ._+()-]{1,40}$/,
  },

  // ───────────────────────────────────────── realme ─────────────────────────────────────────
  // realme phones RMXnnnn (RMX2202 GT, RMX3300 GT2 Pro…; ua-parser-js 1.x only knows RMX1xxx-3xxx)
  // and pads RMPnnnn (RMP2108 Pad X)
  {
    maker: 'realme',
    pattern: /^RM[XP]\d{4}$/,
  },

  // ────────────────────────────────────────── vivo ──────────────────────────────────────────
  // vivo/iQOO model numbers V + year + serial + variant letters (V1938CT X30, V2049A iQOO 7, V2309A
  // X100, V1801A0 Z1, global V2027…)
  {
    maker: 'vivo',
    pattern: /^V(?:1[6-9]|2\d)\d{2}[A-Z]{0,2}0?$/,
  },
  // vivo models named with the brand (vivo 1906, vivo X21A) and iQOO global codes I2xxx (I2012,
  // I2202…; Sony uses I3xxx/I4xxx)
  {
    maker: 'vivo',
    pattern: /^(?:VIVO[ _-][0-9A-Z ._+()-]{1,40}|I2\d{3})$/,
  },

  // ───────────────────────────────────────── Xiaomi ─────────────────────────────────────────
  // Xiaomi/Redmi/POCO model numbers starting with launch year+month: M1803E1A (Mi 8), M2011K2C (Mi
  // 11), M2012K11AC, 2206123SC (12S), 22081212C, 23127PN0CC (14), 2304FPN6DC (13 Ultra), 22101316UCP
  {
    maker: 'Xiaomi',
    pattern: /^M?(?:1[89]|2\d)(?:0[1-9]|1[0-2])[0-9A-Z]{2,6}[A-Z]$/,
  },
  // Xiaomi models named with a Xiaomi brand word (Redmi Note 8 Pro, MI 9, MIX 2S, POCO F1, Xiaomi
  // 13T)
  {
    maker: 'Xiaomi',
    pattern: /^(?:XIAOMI|REDMI|POCO|POCOPHONE|MI|MIX)[ _-][0-9A-Z ._+()-]{1,40}$/,
  },

  // ────────────────────────────────────────── Meizu ─────────────────────────────────────────
  // Meizu models carrying the brand: MEIZU 18, meizu 17 Pro, MZ-PRO 6, MZ-MX6
  {
    maker: 'Meizu',
    pattern: /^(?:MEIZU|MZ)[ _-][0-9A-Z ._+()-]{1,40}$/,
  },
  // Meizu marketing names used as the model token (PRO 6, PRO 7-S, 16th, 16s Pro, M6 Note, MX6);
  // "16th" is seen in public UAs, the others follow Meizu naming
  {
    maker: 'Meizu',
    pattern: /^(?:PRO [5-7](?:S| PLUS|-[A-Z])?|16TH(?: PLUS)?|16S(?: PRO)?|16XS|16T|M[1-6] NOTE|MX[4-6](?: PRO)?)$/,
  },

  // ───────────────────────────────────────── Samsung ────────────────────────────────────────
  // Samsung SM-xxxx (all regions incl. China SM-G9980/SM-W2022), docomo SC-nnX (SC-51C), au
  // SCGnn/SCVnn (SCG19, SCV41), older GT-xnnnn
  {
    maker: 'Samsung',
    pattern: /^(?:SM-[A-Z]\d{3,4}[0-9A-Z]{0,4}|SC-\d{2}[A-Z]|SC[GV]\d{2}|GT-[A-Z]\d{4}[A-Z]?)$/,
  },
  // Samsung models carrying the brand (SAMSUNG SM-G9910, SAMSUNG-SGH-I337)
  {
    maker: 'Samsung',
    pattern: /^SAMSUNG[ _-][0-9A-Z ._+()-]{1,40}$/,
  },

  // ───────────────────────────────────────── Nubia ──────────────────────────────────────────
  // nubia / Red Magic NXnnnJ (NX627J Z20, NX629J Red Magic 3; some H/A variants) — ua-parser-js 1.x
  // files NXnnnJ under ZTE, nubia's parent
  {
    maker: 'Nubia',
    pattern: /^(?:NX\d{3}[AHJ]?|NUBIA[ _-][0-9A-Z ._+()-]{1,40})$/,
  },

  // ──────────────────────────────────────── Smartisan ───────────────────────────────────────
  // Every Smartisan/Jianguo phone code: T1 SM701/705, T2 SM801, M1 SM901, M1L SM919, Nut YQ60x, Pro
  // OD10x, Pro 2 OS10x, 3 OC10x, R1 DE106, Pro 2S OE106, Pro 3 DT1901A/DT1902A, R2 DT2002C, TNT go
  // DT2003A/C
  {
    maker: 'Smartisan',
    pattern: /^(?:SM70[15]|SM801|SM901|SM919|YQ60[1357]|OD10[35]|OS10[35]|OC10[56]|DE106|OE106|DT190[12]A|DT2002C|DT2003[AC])$/,
  },

  // ────────────────────────────────────────── Sony ──────────────────────────────────────────
  // Sony Xperia numeric codes 2015-2019 (E5606 M5, E6653 Z5, F8331 XZ, G8341 XZ1, H8314 XZ2, I4113
  // 10, J9110 1); older C/D ranges left out (clash with other makers, too old for WebRTC)
  {
    maker: 'Sony',
    pattern: /^(?:E[2-6]\d{3}|F[358]\d{3}|G[38]\d{3}|H[3489]\d{3}|I[34]\d{3}|J[89]\d{3})$/,
  },
  // Sony carrier and 2020+ codes: docomo SO-nnX (SO-01L, SO-51A), au SOGnn/SOVnn (SOV39), SoftBank
  // nnnSO/AnnnSO (A402SO), global XQ-XXnn (XQ-AU52)
  {
    maker: 'Sony',
    pattern: /^(?:SO-\d{2}[A-Z]|SO[GV]\d{2}|XQ-[A-Z]{2}\d{2}|A?\d{3}SO)$/,
  },

  // ──────────────────────────────────────── Motorola ────────────────────────────────────────
  // Motorola XTnnnn-n (XT2301-5 Moto X40, XT2503-1 Edge 60 Fusion); ua-parser-js 1.x only names
  // XTnnnn without the dash suffix
  {
    maker: 'Motorola',
    pattern: /^XT\d{4}-\d{1,2}$/,
  },

  // ───────────────────────────────────────── Google ─────────────────────────────────────────
  // Pixel phones by the names they report (Build.MODEL = the marketing name). ua-parser-js 1.x only
  // names up to six characters of [digits a x l space] after "Pixel", so "Pixel 9 Pro", "Pixel 8
  // Pro", "Pixel 6 Pro", "Pixel 9 Pro XL", "Pixel 9 Pro Fold" and "Pixel Fold" read as maker hidden.
  // Google's own lists: store.google.com and the "Pixel phone hardware tech specs" help pages
  {
    maker: 'Google',
    pattern: /^PIXEL (?:[2-9]|10)A?(?: XL| PRO| PRO XL| PRO FOLD)?$/,
  },
  {
    maker: 'Google',
    pattern: /^PIXEL(?: XL| FOLD| TABLET| C)?$/,
  },

  // ───────────────────────────────────────── Readboy ────────────────────────────────────────
  // Readboy (读书郎) learning tablets report Readboy_<model> (Readboy_C80, Readboy_C80Pro)
  {
    maker: 'Readboy',
    pattern: /^READBOY[ _-][0-9A-Z]{1,16}$/,
  },
];
