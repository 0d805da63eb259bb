/** 区县 and 园区 names as returns write them, against the ones a bureau has set up (issue 12, item 1). */
import { describe, expect, it } from 'vitest';
import { cityNames, districtNameIn, inferPlatformType, proposeMatch } from '../../electron/backend/fdi-import/name-match';

const KNOWN = [
  { id: 1, name: '江海经济技术开发区' },
  { id: 2, name: '苏州高新技术产业开发区' },
  { id: 3, name: '江海综合保税区' },
  { id: 4, name: '中国（江苏）自由贸易试验区苏州片区' },
];
const CITIES = cityNames('江苏省苏州市');

describe('proposed matches for unknown 园区', () => {
  it.each([
    ['江海经开区', 1, true],
    ['江海经济技术开发区 ', 1, true],
    ['经开区', 1, true],
    ['苏州高新区', 2, true],
    ['高新区', 2, true],
    ['江海综保区', 3, true],
    ['自贸试验区苏州片区', 4, true],
    ['苏州自贸片区', 4, true],
    ['苏州片区', 4, true],
  ])('%s → %s', (name, id, confident) => {
    expect(proposeMatch('platform', name, KNOWN, CITIES)).toMatchObject({ id, confident });
  });

  it('proposes nothing for a zone of another kind or another place, and guesses when two could be meant', () => {
    expect(proposeMatch('platform', '江海高新区', KNOWN, CITIES)).toBeNull();
    expect(proposeMatch('platform', '太仓港经济技术开发区', KNOWN, CITIES)).toBeNull();
    const two = [...KNOWN, { id: 5, name: '吴江经济技术开发区' }];
    expect(proposeMatch('platform', '经开区', two, CITIES)).toMatchObject({ confident: false });
  });

  it('matches districts without their level word or the city name', () => {
    const districts = [{ id: 7, name: '吴江区' }, { id: 8, name: '昆山市' }];
    expect(proposeMatch('district', '苏州市吴江区', districts, CITIES)).toMatchObject({ id: 7, confident: true });
    expect(proposeMatch('district', '昆山', districts, CITIES)).toMatchObject({ id: 8 });
    expect(proposeMatch('district', '相城区', districts, CITIES)).toBeNull();
  });
});

describe('the type of a new 园区 by its name', () => {
  it.each([
    ['江海经济技术开发区', 'national_etdz'],
    ['江海经开区', 'national_etdz'],
    ['江海经济开发区', 'provincial_dz'],
    ['苏州高新技术产业开发区', 'hitech_zone'],
    ['江海综合保税区', 'bonded_zone'],
    ['中国（江苏）自由贸易试验区苏州片区', 'ftz_area'],
    ['瑞丽边境经济合作区', 'border_zone'],
    ['江海产业园', 'other'],
  ])('%s → %s', (name, type) => {
    expect(inferPlatformType(name)).toBe(type);
  });
});

describe('the district a 填报单位 line, a title or a file name names', () => {
  it.each([
    ['江北区商务局（盖章）', '江北区'],
    ['江北区2025年1-6月外商直接投资到位情况表', '江北区'],
    ['吴江区2025年1-3月.xlsx', '吴江区'],
    ['苏州市吴江区商务局', '吴江区'],
    ['昆山市商务局', '昆山市'],
    ['外商投资企业到资情况表', null],
    ['江海经济技术开发区管委会', null],
    ['全市外商直接投资情况', null],
    ['sample-fdi-return-2025H1.xlsx', null],
  ])('%s → %s', (text, name) => {
    expect(districtNameIn(text, CITIES)).toBe(name);
  });

  it('leaves out the bureau’s own city', () => {
    expect(districtNameIn('苏州市2025年外资情况', CITIES)).toBeNull();
  });
});
