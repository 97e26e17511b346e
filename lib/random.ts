/** A small seeded generator (mulberry32) so demo and benchmark data are the same on every machine. */
export function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    chance: (p: number) => next() < p,
  };
}

export type Random = ReturnType<typeof createRandom>;

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段曲';
const GIVEN =
  '秋萍晶丽建国志强秀英敏立华海燕刚伟军红霞玉兰桂芳明辉德福春梅淑珍文斌凤英宏伟永刚振华海涛志勇国庆桂英建华晓东雪梅丹亮鹏飞燕婷博宇子涵欣怡浩然梓轩佳怡';

/** A plausible Chinese name of two or three characters. */
export function chineseName(r: Random): string {
  const surname = r.pick([...SURNAMES]);
  const chars = [...GIVEN];
  const n = r.chance(0.7) ? 2 : 1;
  let given = '';
  for (let i = 0; i < n; i++) given += r.pick(chars);
  return surname + given;
}
