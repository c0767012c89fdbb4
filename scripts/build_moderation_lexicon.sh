#!/usr/bin/env bash
# Builds models/moderation-lexicon-fr.tsv (word<TAB>category<TAB>source) from two npm word lists
# and this project's own additions, pruned by hand. Deterministic: same package versions, same file.
#
#   scripts/build_moderation_lexicon.sh [OUT]      (needs npm and node; nothing is installed)
#
# Sources (both MIT, see models/MODERATION.md):
#   french-badwords-list 1.0.7  list.txt: ~2,400 lines, mostly leetspeak spellings of ~400 words;
#                               only the plain-letter spellings are kept (the normaliser undoes leet)
#   cuss 2.2.0                  fr.js: word -> rating 0..2; single words rated 2 are kept
#   @nlpjs/lang-fr 4.26.1       src/sentiment/pattern_fr.json: Snowball stem -> polarity in [-1, 1]
#                               (nlp.js's French sentiment lexicon, MIT); written as `valence` lines,
#                               features of the classifier, never reported as terms
# Every kept word goes through DROP (ordinary French words, names, acronyms that collide with
# news text) and gets a category from the tables below (default: insult). OWN lists our additions.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-models/moderation-lexicon-fr.tsv}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent french-badwords-list@1.0.7 cuss@2.2.0 @nlpjs/lang-fr@4.26.1 >/dev/null &&
  mkdir fbl cuss nlpfr && tar xzf french-badwords-list-1.0.7.tgz -C fbl && tar xzf cuss-2.2.0.tgz -C cuss &&
  tar xzf nlpjs-lang-fr-4.26.1.tgz -C nlpfr)

node --input-type=module - "$tmp" "$out" <<'EOF'
import fs from 'node:fs';
const [dir, out] = process.argv.slice(2);
const { cuss } = await import(`${dir}/cuss/package/fr.js`);

// Ordinary words, names and acronyms that the packaged lists contain but that are common in news
// text or too ambiguous to count as evidence on their own (the classifier still sees them as words).
const DROP = new Set(`
sale manche coche pet magot punaise crotte crotté gourde cricri bougre putin chauffard croûton
épais epais chachar cacou counifle courtaud misérable miserable pecque morue porc traînée trainee
traînee ordure melon mettre panier pipe poche moule boule gosse gros graine plume poil piment
shampoing matos taper sauter glisser envoyer dégager exploser latter limer choper crosse crosser
culasse does doeser fesse flûte queue minou mouron peler pomper pourrir tâter retard sucer démonter
défoncer défonceur déglinguer enfiler enfler fourrer fourbir dilater décharger désengorger culbuter
gueuler engueuler diarrhée sphincter pays-bas pare-choc pare-chocs saint-chrême saint-ciboire
saint-crême saint-sacrament saint-simonaque simonaque esque techa treuf vtff blc dmc dtc pqr rab tbm
vdm gdm godon goï kikoo kikou magot raton stearique stéarique marchandot margouilliste moinaille
monacaille patarin robespierrot ripopee ripopée panoufle envaselineur xeropineur xéropineur
gouilland guindoule bourdille gueniche pakos porcas porcasse sottiseux satrouille lacheux lâcheux
teteux téteux pisseux pissou niaiseux niac cafre caldoche schbeb bicot drouille cagoince mijole
pachole pélot pépom sarce taboune tartissure bourriquer bouffable benzer biétaze bolosser bonasse
bonnasse asphalteuse astiquer riflard rondelle coquillard clille céoène djoc drisser débagouler
débander déboiter défourailler dépucelage dépuceler enfourailler entuber foirade foutoir
foutriquer glaoui gnasse gniouf gougnote gougnoter gourdin gousse grouille journalope mollard
motocultable motoculter mouille nulach pinocumettable pinocumettre pisseur pougner poutrer refucker
réempaffer réenculer troufignoler troufignolerie troufignoliser troufignon turluchon imbitabilité
empapaoutage enconnade enconner encuguler enculagailler enculailleur enculatoire enculement
enculerie enculette enculable envulver englander enfoutrer enfoirer culer culeter culeur déculer
crissement crisse câliboire câlisser contrecrisser décrisser décâlisser tabarnac tabarnak estie
viarge archifoutre baisable imbaisable bouffable chiatique chiasser chierie chiée bibite bitembois
cagasse chagasse chagatte cruchasse merdogène merdicité mercon déconnade déconnage saute-au-paf
ras-la-moule ras-le-bonbon ras-les-fesses pogne-cul pisse-au-lit fils-de-puterie filsdeputerie
suce-médailles casse-burette chat-bite moule-bite tapettitude trouducune biffle biffler bifle bifler
faciale fister fif fifi gland dugenoux drouille croûton minus pimbêche vaurien gaupe gourgandine
clown cacou counifle schnoc schnock schnoque chnoque duschnock du\u0020schnoc pleutre plouc beauf branque
doigter ramoner pouf tepu youp avorton fritz kraut rosbif bougnoulie bougnoulisation youpinisation tantouserie
`.trim().split(/\s+/).map((w) => w.toLowerCase()));

const SLUR = new Set(`
bougnoul bougnoule bougnouliser chinetoc chinetoque chintok chleuh schleu crouille crouillat negro
négro niakoue niakoué youpin youpine youtre youd gouine pédé pd pede pédale pedale tapette tarlouze
tantouze tafiole fiotte tapiole pédoque pedoque moricaud makoume makoumé boukak bounioul bounioule
gnoul gnoule souchien souchienne bosnioule boucaque charmouta
`.trim().split(/\s+/));
const SEXUAL = new Set(`
bite baise baiseur branler branlette branlo branlotter branlée chibre pine piner queutard suceuse
turlutte teub teuch teucha zboob zboube zguegue zguègue vier foufoune foufounette foune schnek
cramouille roubignole roupette burne couillu broute-minou engrosser troncher ramoner
`.trim().split(/\s+/));
const PROFANITY = new Set(`
merde merder merdier merderie merdasse bordel putain chier chiant chiasse chiotte chiottes foutre
emmerder emmerdé enculer conchier connerie fuck fucker shit bitch couille couilles déconner
démerder demerder enculage enculade gueule pisser cul
`.trim().split(/\s+/));

// Our additions: insults seen in French forum and news comments, the seed pages' obfuscated
// words, inflected forms the lists lack, a few threats and slurs.
const OWN = [
  ['idiot', 'insult'], ['idiote', 'insult'], ['imbécile', 'insult'], ['crétin', 'insult'],
  ['débile', 'insult'], ['abruti', 'insult'], ['stupide', 'insult'], ['ignare', 'insult'],
  ['guignol', 'insult'], ['gâteux', 'insult'], ['naze', 'insult'], ['nase', 'insult'],
  ['salopard', 'insult'], ['salopiot', 'insult'], ['raclure', 'insult'],
  ['tocard', 'insult'], ['bouffon', 'insult'], ['minable', 'insult'], ['pourriture', 'insult'],
  ['enflure', 'insult'], ['fumier', 'insult'], ['crevure', 'insult'], ['larbin', 'insult'],
  ['attardé', 'insult'], ['mongol', 'slur'], ['gogol', 'insult'],
  ['triso', 'insult'], ['trisomique', 'slur'], ['taré', 'insult'], ['cinglé', 'insult'],
  ['clown', 'insult'], ['ducon', 'insult'], ['trouduc', 'insult'], ['connard', 'insult'],
  ['conard', 'insult'], ['connasse', 'insult'], ['conasse', 'insult'], ['conne', 'insult'],
  ['con', 'insult'], ['salaud', 'insult'], ['salope', 'insult'], ['enfoiré', 'insult'],
  ['enculé', 'insult'], ['fdp', 'insult'], ['ntm', 'insult'], ['tg', 'insult'],
  ['pétasse', 'insult'], ['pouffiasse', 'insult'], ['poufiasse', 'insult'], ['garce', 'insult'],
  ['grognasse', 'insult'], ['lopette', 'insult'], ['mauviette', 'insult'], ['lavette', 'insult'],
  ['pignouf', 'insult'], ['bouseux', 'insult'], ['sagouin', 'insult'], ['vermine', 'insult'],
  ['puceau', 'insult'], ['boloss', 'insult'],
  ['bolos', 'insult'], ['cassos', 'insult'], ['racaille', 'insult'], ['fouteur', 'insult'],
  ['négrier', 'insult'], ['collabo', 'insult'], ['fachos', 'insult'], ['facho', 'insult'],
  ['gauchiasse', 'insult'], ['droitard', 'insult'], ['merdeux', 'insult'], ['sous-merde', 'insult'],
  ['branleur', 'insult'], ['chieur', 'insult'], ['emmerdeur', 'insult'], ['emmerdeuse', 'insult'],
  ['pute', 'sexual'], ['putes', 'sexual'], ['couilles', 'profanity'], ['merdique', 'profanity'],
  ['ukronazi', 'slur'], ['ukronaze', 'slur'], ['ukrop', 'slur'], ['bamboula', 'slur'],
  ['macaque', 'slur'], ['bicot', 'slur'], ['pédophile', 'insult'],
  ['pédo', 'insult'], ['zoophile', 'insult'], ['sodomiser', 'sexual'], ['enculeur', 'sexual'],
  ['triple buse', 'insult'], ['ta gueule', 'insult'], ['ferme ta gueule', 'insult'],
  ['nique ta mère', 'insult'], ['ntm', 'insult'], ['va te faire foutre', 'insult'],
  ['fils de pute', 'insult'], ['sale arabe', 'slur'], ['sale juif', 'slur'], ['sale noir', 'slur'],
  ['sale nègre', 'slur'], ['nègre', 'slur'], ['sale pédé', 'slur'], ['sale race', 'slur'],
  ['je vais te tuer', 'threat'], ['je vais te crever', 'threat'], ['on va te crever', 'threat'],
  ['je vais te buter', 'threat'], ['on va te buter', 'threat'], ['va crever', 'threat'],
  ['mérite la mort', 'threat'], ['mériterait la mort', 'threat'], ['faut les pendre', 'threat'],
  ['faut le pendre', 'threat'], ['il faut les tuer', 'threat'], ['à égorger', 'threat'],
  ['je vais te défoncer', 'threat'], ['te casser la gueule', 'threat'], ['crève charogne', 'threat'],
  // Contempt beyond insults (ToxiFrench's toxic class is mostly this, without a classic insult):
  // derogatory labels for groups, dehumanising nouns, contempt adjectives, wishes of violence,
  // dismissal, sexual and vulgar words. Written for this project; words ordinary in news text
  // ("assisté", "porte", "dehors", "lamentable") are left to the classifier's words, and so are
  // "parasites", "cancrelat" and "bander" (its forms are "bande", "bandes"), found in UD dev.
  ['gauchiasses', 'insult'], ['gauchos', 'insult'], ['islamo-gauchiste', 'insult'], ['islamogauchiste', 'insult'],
  ['wokiste', 'insult'], ['wokistes', 'insult'], ['fachiste', 'insult'], ['fafs', 'insult'],
  ['zemmouriste', 'insult'], ['bobos', 'insult'], ['cas social', 'insult'], ['cas-social', 'insult'],
  ['cas soc', 'insult'], ['sous-homme', 'slur'], ['sous-race', 'slur'],
  ['sous-humain', 'slur'], ['untermensch', 'slur'], ['bougnoules', 'slur'], ['asiat', 'slur'],
  ['asiats', 'slur'], ['niakoués', 'slur'], ['bridés', 'slur'], ['travelo', 'slur'], ['sidaïque', 'slur'],
  ['mongolien', 'slur'], ['golmon', 'insult'], ['cloporte', 'insult'],
  ['dégénéré', 'insult'], ['dégénérée', 'insult'], ['consanguin', 'insult'], ['pathétique', 'insult'],
  ['minables', 'insult'], ['nabot', 'insult'], ['cuck', 'insult'], ['cucks', 'insult'],
  ['soyboy', 'insult'], ['sous-merdes', 'insult'], ['dégueulasse', 'profanity'], ['déchet humain', 'insult'],
  ['merde humaine', 'insult'], ['grosse vache', 'insult'], ['gros porc', 'insult'], ['sac à merde', 'insult'],
  ['shithole', 'profanity'], ['rien à foutre', 'profanity'],
  ['qu\'on les pende', 'threat'], ['qu\'on le pende', 'threat'], ['qu\'ils crèvent', 'threat'],
  ['qu\'il crève', 'threat'], ['qu\'elle crève', 'threat'], ['une balle dans la tête', 'threat'],
  ['au goulag', 'threat'], ['au bûcher', 'threat'], ['à la chambre à gaz', 'threat'],
  ['il faut les virer', 'threat'], ['faut les virer', 'threat'], ['faut les buter', 'threat'],
  ['faut les gazer', 'threat'], ['cancer sur toi', 'threat'], ['crève', 'threat'],
  ['casse-toi', 'insult'], ['casse toi', 'insult'], ['barre-toi', 'insult'], ['dégage', 'insult'],
  ['retourne dans ton pays', 'insult'], ['rentrez chez vous', 'insult'], ['retournez chez vous', 'insult'],
  ['suce', 'sexual'], ['suceur', 'sexual'], ['fellation', 'sexual'], ['cunni', 'sexual'], ['gode', 'sexual'],
  ['éjac', 'sexual'], ['sperme', 'sexual'], ['chatte', 'sexual'], ['nichons', 'sexual'], ['levrette', 'sexual'],
  ['partouze', 'sexual'], ['sodomie', 'sexual'], ['cochonne', 'sexual'],
  ['dépucelé', 'sexual'], ['teube', 'sexual'],
];

const strip = (w) => w.normalize('NFC').trim().toLowerCase();
const entries = new Map();  // word -> [category, source]
const add = (w, source) => {
  w = strip(w);
  if (!w || DROP.has(w) || entries.has(w)) return;
  if (!/^[a-zàâäéèêëîïôöùûüçœæ-]+$/.test(w)) return;  // leet spellings, phrases, digits
  const category = SLUR.has(w) ? 'slur' : SEXUAL.has(w) ? 'sexual' : PROFANITY.has(w) ? 'profanity' : 'insult';
  entries.set(w, [category, source]);
};
for (const [w, c] of OWN) {
  const k = strip(w).replace(/\s+/g, ' ');
  if (!entries.has(k)) entries.set(k, [c, 'veille']);
}
for (const line of fs.readFileSync(`${dir}/fbl/package/list.txt`, 'utf8').split('\n'))
  add(line, 'npm:french-badwords-list@1.0.7');
for (const [w, rating] of Object.entries(cuss))
  if (rating >= 2 && !/[\s’']/.test(w)) add(w, 'npm:cuss@2.2.0');

const lines = [...entries.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
let text = '# generated by scripts/build_moderation_lexicon.sh, do not edit by hand: edit the script\n';
text += '# word<TAB>category<TAB>source; categories: insult profanity slur threat sexual; safe = never a term\n';
for (const [w, [c, s]] of lines) text += `${w}\t${c}\t${s}\n`;
// Ordinary words one edit away from a lexicon word: never matched fuzzily.
for (const w of `canard conseil contre analyse concours conakry macon scunthorpe salopette culture
                 cumul culot putt bitte bette mardi merle merci verge perle carde moules
                 porte poste paste piste connu conter compte comte conte condé conde conséquent
                 nazi nazis nazisme grace ordres negos ukros putin poutine salade salace salon salaire coupe vieille
                 connue connues chasse chasses chasser cones cônes conséquence conséquences demeure demeures
                 médaille médailles baisse baisses baissé baissée baissés baisser`
  .trim().split(/\s+/)) {
  const k = strip(w);
  if (!entries.has(k)) text += `${k}\tsafe\tveille\n`;
}
// Polarity of ordinary words: stems of nlp.js's French sentiment lexicon (folded, Snowball), value
// != 0, three letters or more (two-letter stems such as 'pu' would match too many words).
const pattern = JSON.parse(fs.readFileSync(`${dir}/nlpfr/package/src/sentiment/pattern_fr.json`, 'utf8'));
const valence = Object.entries(pattern).filter(([s, v]) => v !== 0 && s.length >= 3 && /^[a-z]+$/.test(s)).sort();
text += '# stem<TAB>valence<TAB>source<TAB>polarity in [-1, 1]\n';
for (const [s, v] of valence) text += `${s}\tvalence\tnpm:@nlpjs/lang-fr@4.26.1\t${v}\n`;
fs.writeFileSync(out, text);
console.error(`${out}: ${lines.length} words, ${valence.length} valence stems`);
EOF
