// The Bot Framework SDK for JavaScript doing the work of one B12Bot FAQ turn, as a throughput baseline:
// POST /api/messages -> CloudAdapter (expectReplies) -> ConversationState load -> DialogSet.continue/begin
// -> a waterfall step that matches the message against the same FAQ content (dialogs/faq.yaml, IDF-weighted token
// overlap over every phrasing) -> reply with suggested follow-ups -> ConversationState save.
// Usage: node index.js [port]   (then: dotnet run -c Release --project bench/B12Bot.LoadTest -- --url http://127.0.0.1:<port>)
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');
const yaml = require('js-yaml');
const {
  CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage, ActivityHandler, MessageFactory,
} = require('botbuilder');
const { DialogSet, WaterfallDialog, DialogTurnStatus } = require('botbuilder-dialogs');

const faq = yaml.load(fs.readFileSync(path.join(__dirname, '..', '..', 'dialogs', 'faq.yaml'), 'utf8')).entries;
const tokenize = (text) => (text.toLowerCase().match(/[a-z0-9]+/g) || []);
const phrasings = [];
const documentFrequency = new Map();
for (const entry of faq) {
  for (const question of entry.questions) {
    const tokens = new Set(tokenize(question));
    phrasings.push({ entry, tokens });
    for (const token of tokens) documentFrequency.set(token, (documentFrequency.get(token) || 0) + 1);
  }
}
const idf = (token) => Math.log(1 + phrasings.length / (documentFrequency.get(token) || 1));
function match(text) {
  const tokens = new Set(tokenize(text));
  let best = null;
  let bestScore = 0;
  for (const phrasing of phrasings) {
    let shared = 0;
    let total = 0;
    for (const token of tokens) { const w = idf(token); total += w; if (phrasing.tokens.has(token)) shared += w; }
    for (const token of phrasing.tokens) { if (!tokens.has(token)) total += idf(token); }
    const score = total === 0 ? 0 : shared / total;
    if (score > bestScore) { bestScore = score; best = phrasing.entry; }
  }
  return best;
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
const conversationState = new ConversationState(new MemoryStorage());
const dialogs = new DialogSet(conversationState.createProperty('DialogState'));
dialogs.add(new WaterfallDialog('faq', [
  async (step) => {
    const entry = match(step.context.activity.text || '');
    const reply = MessageFactory.suggestedActions(
      (entry && entry.follow_ups ? entry.follow_ups : []).slice(0, 3),
      entry ? entry.answer : 'I am not sure I understood. Could you rephrase?');
    await step.context.sendActivity(reply);
    return step.endDialog();
  },
]));

class FaqBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const dc = await dialogs.createContext(context);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) await dc.beginDialog('faq');
      await next();
    });
  }

  async run(context) {
    await super.run(context);
    await conversationState.saveChanges(context, false);
  }
}
const bot = new FaqBot();

// A minimal restify-like request/response shim over node's http module, which is what CloudAdapter.process expects.
const server = http.createServer((req, res) => {
  if (req.method !== 'POST' || req.url !== '/api/messages') { res.statusCode = 404; res.end(); return; }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    try { req.body = JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { res.statusCode = 400; res.end(); return; }
    const response = {
      socket: res.socket,
      status(code) { res.statusCode = code; return this; },
      header(name, value) { res.setHeader(name, value); return this; },
      send(body) {
        if (body !== undefined) { res.setHeader('content-type', 'application/json'); res.write(typeof body === 'string' ? body : JSON.stringify(body)); }
        return this;
      },
      end() { res.end(); return this; },
    };
    try { await adapter.process(req, response, (context) => bot.run(context)); } catch (e) { if (!res.writableEnded) { res.statusCode = 500; res.end(); } }
  });
});
const port = Number(process.argv[2] || 3979);
server.listen(port, '127.0.0.1', () => console.log(`js baseline listening on http://127.0.0.1:${port}/api/messages`));
