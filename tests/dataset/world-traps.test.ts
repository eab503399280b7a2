/**
 * Precision traps among country names (DATASET.md): the real dataset (data/) compiled into the
 * real matcher must tell the country from the US state, the basketball player, the bird, the river.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { realIds as ids, realMatcher } from './real-matcher';

// Compiling the whole dataset takes a few seconds (longer on a busy machine).
beforeAll(() => void realMatcher(), 120_000);

describe('Georgia: the country, not the US state', () => {
  it.each([
    'He grew up in Atlanta, Georgia, and moved north.',
    'Savannah, Georgia is a port city.',
    'Fulton County, Georgia prosecutors filed charges.',
    'Georgia voters went to the polls in the runoff.',
    "Georgia's governor signed the bill.",
    'The Georgia Senate passed the measure.',
    'Georgia Tech beat the Georgia Bulldogs.',
    'The University of Georgia announced a new dean.',
    'Georgia Republicans met in Macon.',
  ])('no country in %j', (text) => {
    expect(ids(text)).not.toContain('georgia');
  });

  it.each(["Georgia's president addressed parliament in Tbilisi.", 'Protesters in Georgia rallied against the government.', 'Russia and Georgia fought a war in 2008.'])(
    'country in %j',
    (text) => {
      expect(ids(text)).toContain('georgia');
    },
  );
});

describe('Jordan', () => {
  it.each(['Michael Jordan won six titles.', 'Rep. Jim Jordan chairs the committee.', 'Jordan Peterson spoke at the event.', 'Pilgrims visited the Jordan River.'])(
    'no country in %j',
    (text) => {
      expect(ids(text)).not.toContain('jordan');
    },
  );
  it('matches the kingdom', () => {
    expect(ids('King Abdullah of Jordan met the president.')).toContain('jordan');
  });
});

describe('Türkiye / Turkey', () => {
  it('lowercase turkey is the bird', () => {
    expect(ids('We roasted a turkey for dinner.')).not.toContain('turkey');
  });
  it('Turkey, Türkiye and Turkiye are the country', () => {
    expect(ids('Turkey hosted the talks.')).toContain('turkey');
    expect(ids('Türkiye hosted the talks.')).toContain('turkey');
    expect(ids('Turkiye hosted the talks.')).toContain('turkey');
  });
  it('Cold Turkey and Turkey Day are not', () => {
    expect(ids('He quit Cold Turkey before Turkey Day.')).not.toContain('turkey');
  });
});

describe('Guinea and the longer names', () => {
  it('Papua New Guinea is PNG, not Guinea', () => {
    const r = ids('Papua New Guinea signed the pact.');
    expect(r).toContain('papua-new-guinea');
    expect(r).not.toContain('guinea');
  });
  it('Equatorial Guinea and Guinea-Bissau are their own entities', () => {
    expect(ids('Equatorial Guinea and Guinea-Bissau')).toEqual(['equatorial-guinea', 'guinea-bissau']);
  });
  it('guinea pig and the island of New Guinea are not the country', () => {
    expect(ids('The guinea pig escaped.')).not.toContain('guinea');
    expect(ids('Guinea pigs need hay.')).not.toContain('guinea');
    expect(ids('The island of New Guinea is the second-largest island.')).not.toContain('guinea');
  });
  it('Guinea alone is the country', () => {
    expect(ids('Guinea held a referendum.')).toContain('guinea');
  });
});

describe('Niger and Chad', () => {
  it('the Niger Delta (in Nigeria) and the Niger River are not Niger', () => {
    expect(ids('Oil spills in the Niger Delta.')).not.toContain('niger');
    expect(ids('The Niger River floods every year.')).not.toContain('niger');
  });
  it('Niger the country matches', () => {
    expect(ids('Soldiers in Niger detained the president.')).toContain('niger');
  });
  it("Chad's capital N'Djamena is the country; Chad Johnson is not", () => {
    expect(ids("Chad's capital N'Djamena lies on the border.")).toContain('chad');
    expect(ids('Chad Johnson caught the pass.')).not.toContain('chad');
  });
});

describe('other traps', () => {
  it('Sudan and South Sudan', () => {
    expect(ids('South Sudan became independent from Sudan.')).toEqual(['south-sudan', 'sudan']);
  });
  it('Samoa and American Samoa', () => {
    expect(ids('American Samoa is a US territory.')).not.toContain('samoa');
    expect(ids('Samoa held elections.')).toContain('samoa');
  });
  it('Ireland and Northern Ireland', () => {
    expect(ids('Northern Ireland voted.')).not.toContain('ireland');
    expect(ids('Ireland voted.')).toContain('ireland');
  });
  it('Mexico, New Mexico and the Gulf of Mexico', () => {
    expect(ids('New Mexico and the Gulf of Mexico')).not.toContain('mexico');
    expect(ids('Mexico imposed tariffs.')).toContain('mexico');
  });
  it('Dominica and the Dominican Republic', () => {
    expect(ids('Dominica and the Dominican Republic')).toEqual(['dominica', 'dominican-republic']);
  });
  it('the bare name Congo belongs to neither Congo', () => {
    expect(ids('The Congo basin')).toEqual([]);
    expect(ids('DR Congo and Congo-Brazzaville')).toEqual(['democratic-republic-of-the-congo', 'republic-of-the-congo']);
  });
  it('Macedonia alone is not North Macedonia', () => {
    expect(ids('Alexander of Macedonia')).not.toContain('north-macedonia');
    expect(ids('North Macedonia joined NATO.')).toContain('north-macedonia');
  });
  it('the Vatican is the Holy See', () => {
    expect(ids('The Vatican said on Sunday.')).toContain('holy-see');
  });
  it('Credit Suisse is not Switzerland', () => {
    expect(ids('Credit Suisse shares fell.')).not.toContain('switzerland');
  });
});
