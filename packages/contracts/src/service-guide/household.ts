import type { ServiceMatter } from './types';
import { wanshitong, station, householdWindow, service } from './routes';

/** The catalogue's matters of 户籍, in the order the guide lists them. */
export const MATTERS_HOUSEHOLD: readonly ServiceMatter[] = [
  // 户籍
  {
    code: 'household.birth', title: '出生登记（新生儿落户）', category: '户籍', common: true,
    synonyms: ['新生儿落户', '出生入户', '新生儿上户口', '报户口'],
    phrases: ['孩子上户口', '宝宝上户口', '小孩落户', '给孩子报户口', '刚生了孩子怎么上户口'],
    summary: '婴儿出生后一个月内，由监护人到父亲或母亲户口所在地申报出生登记；可在皖事通“出生一件事”一次办好落户、医保、预防接种。',
    routes: [
      wanshitong('出生一件事', ['落户审核通过后，到派出所户籍窗口领取户口簿增页（或按页面提示邮寄）']),
      station(householdWindow, ['由父亲或母亲（监护人）到任一方户口所在地派出所户籍窗口', '提交出生医学证明等材料，民警当场审核', '符合条件的当场落户，领取户口簿增页'], ['出生医学证明', '父母双方居民身份证、户口簿', '父母结婚证']),
    ],
    assist: service('household'),
  },
  {
    code: 'household.move_in', title: '户籍迁入', category: '户籍', common: true,
    synonyms: ['户口迁入', '落户', '投靠落户', '购房落户', '人才落户'],
    phrases: ['把户口迁过来', '买房了想落户', '户口迁到这边', '投靠子女落户'],
    summary: '符合购房、投靠、人才等落户条件的，向迁入地派出所申请；省内迁移“一站式”办理，跨省迁移可“跨省通办”，不用回迁出地。',
    routes: [
      wanshitong('户口迁入'),
      station('迁入地派出所户籍窗口', ['到迁入地派出所户籍窗口，说明落户类别（购房、投靠、人才等）', '提交材料，民警审核落户条件', '审核通过后直接办理迁入，迁出地手续由公安内部流转'], ['居民身份证', '户口簿', '房屋产权证明或落户条件证明材料']),
    ],
    assist: service('household'),
  },
  {
    code: 'household.move_out', title: '户籍迁出', category: '户籍',
    synonyms: ['户口迁出', '迁出证明', '准迁证'],
    phrases: ['把户口迁走', '户口迁到外地', '开迁移证'],
    summary: '户口迁移由迁入地派出所受理：省内迁移直接在迁入地办理，跨省迁移按迁入地要求“跨省通办”，一般不需要回本地开迁出证明。',
    routes: [
      wanshitong('户口迁移'),
      station('迁入地派出所户籍窗口', ['先到迁入地派出所确认落户条件', '迁入地审核通过后，迁出手续由公安内部办理', '迁入地要求纸质准迁证的，再到本地户籍窗口办理迁出'], ['居民身份证', '户口簿']),
    ],
    assist: service('household'),
  },
  {
    code: 'household.info_change', title: '户口信息变更更正', category: '户籍',
    synonyms: ['户口本信息变更', '改名', '更正出生日期', '变更民族', '户籍信息更正'],
    phrases: ['户口本上名字写错了', '想改名字', '户口本信息不对'],
    summary: '姓名、出生日期、民族等户籍信息的变更或更正，由本人（未成年人由监护人）到户籍所在地派出所申请，经审核后办理。',
    routes: [
      station(householdWindow, ['到户籍所在地派出所户籍窗口填写变更更正申请', '提交能证明正确信息的原始材料（出生医学证明、档案、学籍材料等）', '派出所调查核实后报批，按告知时间领取新户口簿页，再换领身份证'], ['居民身份证', '户口簿', '变更更正的证明材料']),
    ],
    assist: service('household'),
  },
  {
    code: 'household.cancel', title: '死亡注销户口', category: '户籍',
    synonyms: ['户口注销', '销户', '死亡销户'],
    phrases: ['家里老人去世了户口怎么办', '给去世的人销户口'],
    summary: '公民死亡后一个月内，由家属到户籍所在地派出所注销户口，可在皖事通“身后一件事”一并办理社保、医保停保等。',
    routes: [
      wanshitong('身后一件事'),
      station(householdWindow, ['家属到死者户籍所在地派出所户籍窗口', '提交死亡证明和死者证件，民警核对后注销户口', '交回死者居民身份证，领取注销后的户口簿页（可作为继承等事项的证明）'], ['死亡医学证明或火化证明', '死者户口簿、居民身份证', '申报人身份证']),
    ],
    assist: service('household'),
  },
  {
    code: 'household.split', title: '分户、立户', category: '户籍',
    synonyms: ['分户', '立户', '单独立户'],
    phrases: ['想自己单独一个户口本', '从父母户口分出来'],
    summary: '在户籍地有合法固定住所的，可申请分户或立户，由住所所在地派出所办理。',
    routes: [
      station('住所所在地派出所户籍窗口', ['到住所所在地派出所户籍窗口提出分户申请', '提交房屋产权证明，民警核实住所', '审核通过后立户，领取新户口簿'], ['居民身份证', '户口簿', '房屋产权证明']),
    ],
    assist: service('household'),
  },
  {
    code: 'household.certificate', title: '户籍证明开具', category: '户籍',
    synonyms: ['户籍证明', '亲属关系证明', '户口证明'],
    phrases: ['开个户口证明', '证明我们是亲属'],
    summary: '户籍证明、户口簿上能查到的亲属关系证明可在皖事通在线开具，电子证明与纸质同等有效；户口簿上查不到的关系由派出所调查后出具。',
    routes: [
      wanshitong('户籍证明'),
      station(householdWindow, ['到户籍所在地派出所户籍窗口说明证明用途', '户口簿上能查到的当场出具；查不到的由民警调查核实后出具'], ['居民身份证', '户口簿', '证明用途说明']),
    ],
    assist: service('certificate'),
  },
  {
    code: 'household.booklet_reissue', title: '户口簿补领、换领', category: '户籍',
    synonyms: ['户口本丢了', '户口簿补办', '换户口本'],
    phrases: ['户口本丢了怎么办', '户口本破了换一本'],
    summary: '户口簿丢失、损坏的，由户主或户内成员到户籍所在地派出所补领、换领，一般当场办结。',
    routes: [
      station(householdWindow, ['户主或户内成员到户籍所在地派出所户籍窗口', '说明丢失或损坏情况（损坏的交回旧户口簿）', '民警核对户内人员信息后当场补发或换发'], ['户主或成员居民身份证', '损坏的旧户口簿（换领时）']),
    ],
    assist: service('household'),
  },
];
