/**
 * The few English words attribution relies on. They are grammar, not domain vocabulary,
 * so they live in code; parties and topics live in `config/`.
 */

/** Verbs by which a party states, demands, agrees, rejects, proposes or reports. */
export const STANCE_VERBS: ReadonlySet<string> = new Set([
  'say', 'says', 'said', 'state', 'states', 'stated', 'insist', 'insists', 'insisted', 'insisting',
  'demand', 'demands', 'demanded', 'agree', 'agrees', 'agreed', 'reject', 'rejects', 'rejected',
  'propose', 'proposes', 'proposed', 'accept', 'accepts', 'accepted', 'refuse', 'refuses', 'refused',
  'supports', 'supported', 'oppose', 'opposes', 'opposed', 'welcome', 'welcomes', 'welcomed',
  'announce', 'announces', 'announced', 'confirm', 'confirms', 'confirmed', 'reiterate', 'reiterates',
  'reiterated', 'reaffirm', 'reaffirms', 'reaffirmed', 'emphasize', 'emphasizes', 'emphasized',
  'emphasise', 'emphasises', 'emphasised', 'stress', 'stresses', 'stressed', 'asks', 'asked',
  'suggest', 'suggests', 'suggested', 'signal', 'signals', 'signaled', 'signalled', 'voice', 'voices',
  'voiced', 'offers', 'offered', 'deny', 'denies', 'denied', 'claim', 'claims', 'claimed', 'warn', 'warns',
  'warned', 'warning', 'threaten', 'threatens', 'threatened', 'called', 'urge', 'urges', 'urged', 'vow',
  'vows', 'vowed', 'pledge', 'pledges', 'pledged', 'promised', 'told', 'tells', 'wrote', 'writes',
  'posted', 'posts', 'noted', 'notes', 'adds', 'added', 'adding', 'describe', 'describes', 'described',
  'frames', 'framed', 'spun', 'hyped', 'bristled', 'dodged', 'spoke', 'speaks', 'rebuffed',
  'declared', 'declares', 'condemned', 'condemns', 'pushed', 'argued', 'argues',
  'backed', 'backs', 'endorsed', 'endorses', 'dismissed', 'dismisses', 'accused', 'accuses', 'fear', 'fears',
  'feared', 'demonstrated', 'demonstrates', 'telling', 'retorted', 'countered', 'acknowledged', 'acknowledges', 'admitted', 'admits', 'demanding', 'saying', 'calling', 'urging', 'rejecting', 'proposing', 'denying', 'accusing', 'criticized',
  'criticised', 'criticizes', 'criticises', 'praised', 'praises', 'hailed', 'hails', 'blamed', 'blames',
  'questioned', 'explained', 'explains', 'assured', 'expressed', 'expresses', 'objected', 'objects',
  'pressed', 'presses', 'appealed', 'complained', 'boasted', 'touted', 'branded', 'slammed', 'decried',
  'labelled', 'labeled', 'characterized', 'characterised', 'vetoed',
  // The restating, recasting and naming that commentary reports: "as Lavrov restated them", "the readout reframes the
  // war as …", "describing what he calls “a very good start”".
  'restated', 'restates', 'repeated', 'repeats', 'portray', 'portrays', 'portrayed', 'reframes', 'reframed', 'recasts',
  'calls', 'describing',
]);

/** "transmitted via envoy Steve Witkoff": a position conveyed through someone is theirs to state (not "delivered via Poland", a route). */
export const CONVEYING_VERBS: ReadonlySet<string> = new Set(['transmitted', 'conveyed', 'relayed', 'communicated']);

/** "The Kremlin posted a transcript …": posting a document tells that it was published, not what it holds. */
export const POSTING_VERBS: ReadonlySet<string> = new Set(['posted', 'posts', 'published', 'publishes']);

/** What a party posts that says nothing by itself: "posted a release about the call on its website". */
export const DOCUMENT_NOUNS: ReadonlySet<string> = new Set([
  'release', 'transcript', 'video', 'videos', 'photo', 'photos', 'picture', 'pictures', 'footage', 'readout', 'recording', 'document', 'documents', 'map', 'link',
]);

/** "Zelensky replied that …": these verbs state a stance only before what is said, not "Ukraine responds by hitting …". */
export const REPLY_VERBS: ReadonlySet<string> = new Set(['responded', 'responds', 'replied', 'replies']);

/** A ministry of these reports the fighting ("its forces had taken two more villages"), like a general, rather than stating a position. */
export const MILITARY_MODIFIERS: ReadonlySet<string> = new Set(['defence', 'defense', 'military']);

/** "made clear", "made it clear": these verbs state a stance only before "clear". */
export const CLARIFYING_VERBS: ReadonlySet<string> = new Set(['made', 'makes', 'make', 'making']);

/** "laid out his conditions", "did not rule out a meeting": these verbs state a stance only before "out". */
export const SETTING_OUT_VERBS: ReadonlySet<string> = new Set(['laid', 'lays', 'set', 'sets', 'spelled', 'spelt', 'spells', 'rule', 'rules', 'ruled', 'ruling']);

/** "spoke of a breakthrough" states a view; "spoke with Putin", "spoke by phone" only tell that a conversation took place. */
export const SPEAKING_VERBS: ReadonlySet<string> = new Set(['spoke', 'speaks']);

/** After a speaking verb, these introduce whom or how one spoke, not what: "spoke with Putin", "spoke by phone". */
export const CONVERSATION_PREPOSITIONS: ReadonlySet<string> = new Set(['with', 'to', 'by', 'on', 'in', 'at', 'for', 'twice', 'briefly']);

/** "Putin put it bluntly", "as Lavrov put it": "put it" is a way of saying. */
export const PUTTING_VERBS: ReadonlySet<string> = new Set(['put', 'puts']);

/** "both sides", "the two leaders": a subject that stands for the two parties last named together. */
export const SIDE_NOUNS: ReadonlySet<string> = new Set(['sides', 'leaders', 'presidents', 'countries', 'governments', 'delegations', 'parties']);

/** Modals whose denied counterfactual ("wouldn’t have demanded") implies the stance. */
export const NEGATED_MODALS: ReadonlySet<string> = new Set(["wouldn't", "couldn't"]);

/** Auxiliaries between a subject and its verb: "Ukraine has already accepted". */
export const AUXILIARIES: ReadonlySet<string> = new Set(['has', 'have', 'had', 'is', 'was', 'were', 'are', 'did', 'does', 'do']);

/** Adverbs between a subject and its verb: "Ukraine has already accepted", "Moscow has long insisted". */
export const VERB_ADVERBS: ReadonlySet<string> = new Set(['already', 'also', 'just', 'now', 'again', 'then', 'still', 'even', 'not', 'never', 'long', 'once', 'first', 'later', 'since']);

/** Words that join clauses or introduce one without a noun: never the head a relative clause describes. */
export const CONJUNCTIONS: ReadonlySet<string> = new Set(['and', 'or', 'but', 'nor', 'what', 'as', 'so', 'yet']);

/** Auxiliaries of a passive: "was rejected by", "has been dismissed by". */
export const PASSIVE_AUXILIARIES: ReadonlySet<string> = new Set(['was', 'were', 'is', 'are', 'been', 'being', 'be']);

/** Stance verbs whose passive names no speaker: "the meeting was called by Trump", "a village was set …". */
export const NOT_PASSIVE_STANCES: ReadonlySet<string> = new Set(['called', 'told', 'asked', 'noted', 'posted']);

/**
 * Verbs of a report about events rather than a stated position: "Gerasimov, who reported that
 * Russia had regained control of 86% …" tells what happened, not what Russia wants.
 */
export const REPORT_VERBS: ReadonlySet<string> = new Set(['reported', 'reports', 'reporting', 'briefed', 'briefs', 'informed', 'informs', 'updated']);

/**
 * Nouns of a stated position that a possessive speaker holds, followed by what it says:
 * "his repeated but false insistence that …", "Russia’s long-standing argument—that …".
 */
export const STANCE_NOUNS: ReadonlySet<string> = new Set([
  'insistence', 'demand', 'demands', 'warning', 'warnings', 'claim', 'claims', 'assertion', 'assertions',
  'argument', 'arguments', 'pledge', 'promise', 'proposal', 'refusal', 'threat', 'accusation', 'accusations',
  'denial', 'position', 'view', 'offer',
]);

/** Stance nouns that state a position before a preposition too: "Putin’s demand for an end to mobilization", "Kyiv’s insistence on guarantees". */
export const PREPOSITIONAL_STANCE_NOUNS: ReadonlyMap<string, string> = new Map([
  ['demand', 'for'], ['demands', 'for'], ['call', 'for'], ['calls', 'for'], ['proposal', 'for'], ['insistence', 'on'],
  ['opposition', 'to'], ['rejection', 'of'],
]);

/** Stance nouns that state a position before an infinitive too: "Kyiv’s refusal to cede territory", not "Russia’s threat to Europe". */
export const INFINITIVE_STANCE_NOUNS: ReadonlySet<string> = new Set(['refusal', 'pledge', 'promise', 'threat', 'proposal', 'demand', 'offer']);

/** Verbs that attribute only when their subject is a statement itself ("the press release used …"). */
export const STATEMENT_VERBS: ReadonlySet<string> = new Set([
  'used', 'uses', 'mentioned', 'mentions', 'included', 'includes', 'raised', 'raises', 'contains', 'contained',
  'referred', 'refers',
]);

/** Words of speculation: the author's reading of a party, not the party's own position. */
export const HEDGES: ReadonlySet<string> = new Set([
  'may', 'might', 'could', 'would', 'should', 'must', 'can', 'cannot', "can't", 'will', "won't", "wouldn't",
  "couldn't", "shouldn't", 'shall', 'probably', 'likely', 'unlikely', 'perhaps', 'possibly', 'seems', 'seem',
  'seemed', 'appears', 'appear', 'appeared', 'apparently', 'allegedly', 'willing', 'hopes', 'hoping',
  'wants', 'want', 'trying', 'tries', 'aims', 'expected', 'able', 'ready',
]);

/** Words that end the clause a subject governs. */
export const CLAUSE_ENDS: ReadonlySet<string> = new Set([
  ';', ':', '—', '–', '(', ')', '“', '”', '"', '?', '!', 'that', 'which', 'who', 'whom', 'whose', 'whether',
  'if', 'unless', 'until', 'because', 'while', 'where', 'when', 'although', 'though', 'to',
]);

/** Before a name, these make it the object of a preposition or a condition, not a speaker. */
export const NOT_A_SUBJECT_AFTER: ReadonlySet<string> = new Set([
  'of', 'to', 'with', 'for', 'on', 'in', 'by', 'from', 'against', 'between', 'toward', 'towards', 'about',
  'at', 'into', 'over', 'under', 'via', 'than', 'like', 'regarding', 'including', 'without', 'after',
  'before', 'during', 'through', 'upon', 'among', 'whether', 'if', 'unless', 'until', 'pressure', 'paraphrase',
]);

/** Words skipped when looking at what precedes a name: articles and titles. */
export const NAME_PREFIXES: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'president', 'prime', 'minister', 'foreign', 'secretary', 'spokesman', 'spokeswoman',
  'envoy', 'special', 'gen', 'general', 'commander', 'top', 'chancellor', 'commission', 'press', 'adviser',
  'advisor', 'official', 'leader', 'chief', 'mr', 'mrs', 'ms', 'dr', 'state', 'vice', 'national', 'security',
]);

/**
 * A party's outlets, which voice its line: "Russian state television called the proposal …". They are speakers
 * but no role of a person ("a Russian television presenter" speaks for no party).
 */
export const MEDIA_NOUNS: ReadonlySet<string> = new Set(['media', 'television', 'tv', 'broadcaster', 'outlets']);

/** Nouns that turn a name into a speaker: "the Kremlin’s press release", "Russian negotiators". */
export const SPEAKER_NOUNS: ReadonlySet<string> = new Set([
  'statement', 'statements', 'release', 'readout', 'summary', 'spokesman', 'spokeswoman', 'spokesperson',
  'negotiators', 'officials', 'official', 'side', 'government', 'leadership', 'administration', 'team',
  'delegation', 'ministry', 'website', 'envoy', 'envoys', 'diplomats', 'leaders', 'president', 'minister',
  'mention', 'office', 'presidency', 'embassy', 'aide', 'aides', 'ambassador', 'adviser', 'advisor', 'advisers',
  'spokespeople', 'negotiator', 'secretary', 'chancellor', ...MEDIA_NOUNS,
]);

/** Titles of a person, after which a name follows: "spokeswoman Maria Zakharova", "adviser Yuri Ushakov" (not "statement Monday"). */
export const PERSON_TITLES: ReadonlySet<string> = new Set([
  'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'envoy', 'adviser', 'advisor', 'aide', 'ambassador', 'official',
  'negotiator', 'president', 'secretary', 'chief', 'leader', 'chancellor', 'director', 'head', 'deputy', 'diplomat',
  'chairman', 'chairwoman', 'representative', 'gen', 'general', 'mr', 'mrs', 'ms', 'dr',
]);

/**
 * Words after which a stance word is a verb. Elsewhere it is usually a noun ("a buffer state",
 * "Russia’s demands"): "Putin has already bristled", "made no new offers and reaffirmed".
 */
export const VERB_PRECEDERS: ReadonlySet<string> = new Set([
  'has', 'have', 'had', 'is', 'was', 'were', 'are', 'did', 'does', 'do', 'also', 'just', 'already', 'now',
  'again', 'then', 'still', 'even', 'not', 'never', 'and', 'but', ',', 'who', 'they', 'he', 'she', 'to', 'first',
  'once', 'today', 'yesterday', 'both',
]);

/** Between "continues" and "to", an infinitive still carries the stance: "Putin continues to insist". */
export const CONTINUATIONS: ReadonlySet<string> = new Set(['continues', 'continue', 'continued', 'continuing']);

/** Pronouns that continue the previous speaker. */
export const PERSONAL_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she']);

/**
 * Roles that, after "the", refer back to the speaker last named, as a pronoun does: "A senior
 * US official said … The official said …", "Peskov … The spokesman added …".
 */
export const ROLE_REFERENCES: ReadonlySet<string> = new Set([
  'official', 'spokesman', 'spokeswoman', 'spokesperson', 'minister', 'envoy', 'diplomat', 'adviser', 'advisor', 'negotiator', 'ambassador',
]);
export const POSSESSIVE_PRONOUNS: ReadonlySet<string> = new Set(['his', 'her']);

/** Determiners before a stance word make it a noun or adjective: "the proposed truce", "a call". */
export const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'any', 'no']);

/** Nationality adjectives (Russian, German, Polish, French) name a party only before a speaker noun ("Russian negotiators", not "Russian aggression"). */
export const isNationalityAdjective = (word: string): boolean => /(?:ian|can|ean|man|ish|ese|ch)$/u.test(word);

/**
 * Role words of an appositive that tells whom a person speaks for: "Dmitry Medvedev, the deputy
 * chairman of Russia’s Security Council, warned …", "Yuri Ushakov, a Kremlin aide, said …".
 */
export const APPOSITIVE_ROLES: ReadonlySet<string> = new Set([
  ...[...SPEAKER_NOUNS].filter((noun) => !MEDIA_NOUNS.has(noun)), 'chairman', 'chairwoman', 'head', 'deputy', 'member', 'director', 'chief', 'secretary', 'leader',
  'commander', 'representative', 'speaker', 'governor', 'mayor', 'spokesperson', 'diplomat',
]);
