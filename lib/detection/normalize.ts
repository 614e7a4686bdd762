/**
 * Text normalisation shared by titles, page text and URLs, so "星穹紀元", "星穹 纪元" and
 * "ＳＴＡＲ－Ｄｏｍｅ" compare equal to their catalog spellings.
 */

// Traditional→simplified for characters common in game, film and novel titles and in piracy
// vocabulary. A full OpenCC table is ~100 KB; this covers the cheap, frequent cases.
const T2S_PAIRS =
  '傳传劍剑俠侠龍龙國国戰战記记紀纪門门東东無无雙双靈灵鬥斗羅罗風风雲云蒼苍與与萬万華华說说夢梦遊游戲戏線线電电視视劇剧載载書书網网盤盘區区號号開开歸归長长時时間间學学園园島岛飛飞車车鳥鸟馬马魚鱼紅红綠绿藍蓝黃黄變变態态費费觀观體体點点擊击鍵键騎骑爾尔們们來来個个這这為为會会從从後后裡里裏里發发現现寶宝貝贝鐵铁錄录陣阵極极亂乱滅灭聖圣獸兽衛卫軍军師师將将帥帅憶忆塵尘頁页題题經经樂乐聲声業业邊边遠远還还進进運运過过達达選选離离難难問问闖闯關关際际陽阳陰阴隱隐頭头類类願愿驚惊齊齐龜龟歲岁歷历殺杀氣气漢汉滿满燈灯爭争獨独環环當当盡尽確确種种積积窮穷競竞簡简紙纸級级終终結结給给統统絕绝維维緣缘總总織织繼继續续義义習习聞闻聯联職职腦脑興兴舊旧艦舰藥药蘭兰處处蟲虫術术襲袭親亲覺觉計计設设評评試试話话語语誰谁請请謎谜護护讀读讓让貓猫買买賣卖質质贏赢輪轮轉转辦办醫医釋释銀银鋒锋錯错鏡镜閃闪閱阅隊队險险靜静韓韩響响順顺預预領领飄飘館馆騰腾驗验鳳凤鳴鸣麗丽黨党愛爱讚赞囉啰鍊炼煉炼仙仙俠侠劫劫魔魔幣币鑽钻創创禮礼靠靠碼码補补丁丁綠绿費费區区頻频檔档壓压縮缩棧栈庫库專专輯辑漫漫畫画詞词彈弹滷卤屬属愛爱戀恋寫写側侧劍剑';

const T2S = new Map<string, string>();
for (let i = 0; i + 1 < T2S_PAIRS.length; i += 2) {
  const [t, s] = [T2S_PAIRS[i]!, T2S_PAIRS[i + 1]!];
  if (t !== s) T2S.set(t, s);
}
const T2S_RE = new RegExp(`[${[...T2S.keys()].join('')}]`, 'g');

const NON_WORD = /[^\p{L}\p{N}]+/gu;
// Spaces next to a CJK character carry no meaning ("星穹 纪元" is "星穹纪元"), unlike between Latin words.
const CJK_SPACE = / (?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])|(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]) /gu;

/** NFKC (full/half width), lower case, traditional→simplified, punctuation→one space, no spaces around CJK. */
export function normalize(input: string): string {
  return input
    .normalize('NFKC')
    .toLowerCase()
    .replace(T2S_RE, (c) => T2S.get(c) ?? c)
    .replace(NON_WORD, ' ')
    .replace(CJK_SPACE, '')
    .trim();
}

/** A Latin name written without spaces ("starvoyage"), as it appears in domains and hashtags. */
export function compact(normalized: string): string {
  return normalized.replace(/ /g, '');
}

const ASCII_ALNUM = /[a-z0-9]/;
/** True for characters that continue a Latin word, so "dune" does not match inside "dunes". */
export function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && ASCII_ALNUM.test(ch);
}
