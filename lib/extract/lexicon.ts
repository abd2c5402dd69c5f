// Word lists shared by the check-worthiness scorer and the kind classifier, so that both agree on
// what counts as "reported speech" or "a date" in a sentence.

export const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
export const MONTH_ABBREVIATIONS = ["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"];
export const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

// "May" is left out: as a modal verb it is far more common than the month.
const monthAlternation = [...MONTHS.filter((m) => m !== "May"), ...MONTH_ABBREVIATIONS].join("|");

export const DATE_RE = new RegExp(
  [
    `\\b(?:${monthAlternation})\\.?(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?\\b`,
    `\\bMay\\s+\\d{1,2}\\b`,
    `\\b(?:${WEEKDAYS.join("|")})\\b`,
    "\\b(?:1[89]|20)\\d{2}s?\\b",
    "\\b(?:yesterday|today|last (?:week|month|year|decade)|(?:days|weeks|months|years|decades) ago|the past (?:week|month|year|decade))\\b",
  ].join("|"),
  "i",
);

// Verbs introducing reported speech; "said" et al. are by far the most frequent in news copy.
export const SPEECH_VERBS = [
  "said",
  "says",
  "say",
  "told",
  "tells",
  "stated",
  "added",
  "reported",
  "announced",
  "announces",
  "claimed",
  "claims",
  "noted",
  "explained",
  "stressed",
  "emphasised",
  "emphasized",
  "mentioned",
  "wrote",
  "posted",
  "warned",
  "insisted",
  "argued",
  "confirmed",
  "denied",
  "declared",
  "testified",
  "revealed",
  "estimated",
  "acknowledged",
  "admitted",
];
// Case-sensitive on purpose: "States" in "United States" is a name, not a verb.
export const SPEECH_VERB_RE = new RegExp(`\\b(?:${SPEECH_VERBS.join("|")})\\b|\\b[Aa]ccording to\\b`);

// Things that happen: the kind of verb that turns a sentence into a datable event.
export const EVENT_WORDS_RE =
  /\b(?:call(?:ed|s)?|conversation|met|meet(?:s|ing)?|held|hold(?:s)?|agreed|signed|killed|arrested|ousted|toppled|overthrew|overthrown|attack(?:ed|s)?|launched|invaded|deployed|deployment|withdr[ae]w|withdrawn|coup|elected|resigned|appointed|visited|hosted|voted|passed|ordered|threatened|pledged|announced|declared|exited|established|captured|seized|fired|struck|bombed|expelled|banned|sanctioned|approved|rejected|won|lost|died|spotted|published|kicked out|hired|invited)\b/i;

export const HEDGES_RE =
  /\b(?:may|might|could|perhaps|possibly|probably|likely|unlikely|seems?|appears?|apparently|allegedly|reportedly|suggests?|unclear|speculat\w*)\b/i;

export const OPINION_RE =
  /\b(?:think|believe|feel|hope|wish|want|should|must|ought|great|wonderful|terrible|horrible|awful|best|worst|love|proud|fair|unfair|ridiculous|disgrace\w*|shame|agree|disagree|honest(?:ly)?|frankly|obviously|clearly|of course|deserve)\b/i;

export const COMPARATIVE_RE =
  /\b(?:more|less|fewer|higher|lower|larger|smaller|bigger|greater|than|increas\w+|decreas\w+|rose|risen|fell|fallen|doubled|tripled|cut|raised|reduced|grew|grown|dropped|declined|surged?|soared)\b/i;

export const SUPERLATIVE_RE = /\b(?:most|least|highest|lowest|largest|smallest|biggest|greatest|fastest|worst|first|last|only|record|ever|every|never)\b/i;

export const PRONOUNS = new Set(["he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "this", "that"]);
