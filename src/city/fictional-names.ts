// Word lists for fictional recipients. Surnames and given-name characters are common ones, so
// names look ordinary; street, compound and village names were invented for parcelgrid and are
// not taken from any map or address list.

/** Common Chinese surnames, roughly the most frequent twenty. */
export const SURNAMES: readonly string[] = [
  '王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴',
  '徐', '孙', '胡', '朱', '高', '林', '何', '郭', '马', '罗',
];

/** Characters common in given names. */
export const GIVEN_NAME_CHARACTERS: readonly string[] = [
  '伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋',
  '勇', '艳', '杰', '娟', '涛', '明', '超', '霞', '平', '刚',
  '辉', '玲', '华', '飞', '鑫', '宇', '欣', '怡', '浩', '晨',
  '雪', '琳', '博', '然', '思', '雨', '佳', '子', '文', '凯',
];

/** Invented street names for urban addresses. */
export const FICTIONAL_STREETS: readonly string[] = [
  '云帆路', '听涛街', '星槎路', '鲸歌街', '望舒路', '潮音街', '青屿路', '银鸥街',
  '松涛路', '晴岚街', '海棠湾路', '揽月街', '白帆路', '渔火街', '珊瑚路', '观澜街',
  '暖阳路', '秋枫街', '晓雾路', '石榴街', '航灯路', '贝壳街', '蓝湾路', '霞光街',
];

/** Invented names of residential compounds (小区). */
export const FICTIONAL_COMPOUNDS: readonly string[] = [
  '听海苑', '云栖里', '望潮小区', '星河家园', '枫林苑', '海韵花园', '晴川里', '鸥鸣小区',
  '松石苑', '青禾家园', '揽胜里', '澜湾花园',
];

/** Invented village names for rural addresses. */
export const FICTIONAL_VILLAGES: readonly string[] = [
  '青禾', '松涧', '梨花坡', '鹿鸣', '麦浪', '石泉', '杏林湾', '枣园沟',
  '柳溪', '苇塘', '山樱', '稻香屯',
];

/** Mobile prefixes of virtual operators (170, 171); the rest of each number is random. */
export const FICTIONAL_PHONE_PREFIXES: readonly string[] = ['170', '171'];
