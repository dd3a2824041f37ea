/* chartergen: Material's search worker, with words brought to their stem in the language
 * of the page they are written on, and typed words in the reader's language.
 *
 * The site's search index keeps word stems, so "piratés" and "piraté" are one word in it.
 * - Each page's words are stemmed in its own language (chartergen gives every entry of the
 *   index its page's "lang"): a French page with French stemming, an English one with
 *   English stemming, also in a portfolio of both. lunr-languages' multi-language support
 *   would put every word through both stemmers one after the other, and the English one
 *   spoils French words ("administratrices" no longer finds "administrateurs").
 * - Material's search looks each typed word up as the start of longer words ("piratés*"),
 *   and lunr does not stem a word looked up that way: a typed word found a page only if the
 *   page had that very form or a longer one. So each query is rewritten before Material's
 *   worker reads it: every word goes through the same steps as the index's words (trimmed,
 *   small words left out, stemmed) in the language of the page being read (sent along with
 *   the query by chartergen.js), or in another language of the site when only that one's
 *   stem is in the index. Queries using the search syntax ("…", +, -, ~, ^, :, *) are left
 *   as typed: lunr stems those words itself, except those given a *.
 *
 * theme/main.html points Material's page at this script, with the name of Material's own
 * worker after the "?". lunr's language support comes with the site (Material ships it):
 * nothing is fetched from elsewhere. It runs as a real worker (served site) and in the
 * iframe of Material's file:// shim.
 */
(function () {
  "use strict";

  var SETUP = 0;
  var QUERY = 2;
  var SYNTAX = /(^|\s)[+\-]|["~^:*]/;

  // this script's address: the worker's, or in the file:// shim the <script> element's
  var here = self.document && document.currentScript
    ? document.currentScript.src : self.location.href;
  var material = (here.split("?")[1] || "").match(/^search\.[0-9a-f]+\.min\.js$/);

  var config = null;     // the index's languages, separator and pipeline (setup message)
  var language = "";     // the language words are stemmed in: a page's, or the reader's
  var index = null;      // the index Material's worker built
  var queries = null;    // the steps a typed word goes through: those of the index's words

  function languages() {
    return (config && config.lang && config.lang.length) ? config.lang : ["en"];
  }

  function stems() {
    return (config && config.pipeline || []).indexOf("stemmer") !== -1;
  }

  function stemmerOf(lunr, lang) {
    var steps = lang === "en" ? lunr : lunr[lang];
    return steps && steps.stemmer;
  }

  function byLanguage(token) {
    var stemmer = stemmerOf(self.lunr, language) || stemmerOf(self.lunr, languages()[0]);
    return stemmer ? stemmer(token) : token;
  }

  function stemByLanguage(pipeline) {
    // where lunr-languages chains every language's stemmer, one stemmer: the word's language
    var lunr = self.lunr;
    var chained = languages().map(function (lang) { return stemmerOf(lunr, lang); })
      .filter(function (stemmer) { return stemmer && pipeline._stack.indexOf(stemmer) !== -1; });
    if (chained.length < 2) return;
    pipeline.after(chained[chained.length - 1], byLanguage);
    chained.forEach(function (stemmer) { pipeline.remove(stemmer); });
  }

  function install(lunr) {
    lunr.Pipeline.registerFunction(byLanguage, "chartergen-stemmer-by-language");
    var add = lunr.Builder.prototype.add;
    lunr.Builder.prototype.add = function (doc, attributes) {
      if (!this.chartergenByLanguage) {  // the pipeline is complete once documents come in
        this.chartergenByLanguage = true;
        stemByLanguage(this.pipeline);
        stemByLanguage(this.searchPipeline);
      }
      language = (doc && doc.lang) || languages()[0];
      return add.call(this, doc, attributes);
    };
    var build = lunr.Builder.prototype.build;
    lunr.Builder.prototype.build = function () {
      index = build.call(this);
      return index;
    };
  }

  function queryPipeline(lunr) {
    // as Material builds the index (its Search class): lunr's defaults for English, a
    // language's own plugin, or lunr-languages' multi-language support
    var builder = new lunr.Builder();
    builder.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
    var lang = languages();
    if (lang.length === 1 && lang[0] !== "en") builder.use(lunr[lang[0]]);
    else if (lang.length > 1) {
      // Material's index already registered this trimmer; registered again, lunr would warn
      // "Overwriting existing registered function" in the console on every search
      delete lunr.Pipeline.registeredFunctions["lunr-multi-trimmer-" + lang.join("-")];
      builder.use(lunr.multiLanguage.apply(lunr, lang));
    }
    ["trimmer", "stopWordFilter", "stemmer"].forEach(function (step) {
      if ((config.pipeline || []).indexOf(step) !== -1) return;
      lang.forEach(function (each) {
        var steps = each === "en" ? lunr : lunr[each];
        if (steps) builder.pipeline.remove(steps[step]);
      });
    });
    stemByLanguage(builder.pipeline);
    return builder.pipeline;
  }

  function inIndex(lunr, stem) {
    return !!index && index.tokenSet.intersect(lunr.TokenSet.fromString(stem + "*"))
      .toArray().length > 0;
  }

  function stemmed(query, reader) {
    var lunr = self.lunr;
    if (!config || !lunr || !stems() || SYNTAX.test(query)) return query;
    queries = queries || queryPipeline(lunr);
    var lang = languages();
    var order = [reader].concat(lang.filter(function (each) { return each !== reader; }));
    var separator = new RegExp(config.separator || "[\\s\\-]+", "g");
    var words = [];
    query.toLowerCase().split(separator).forEach(function (word) {
      if (!word) return;
      var chosen = null;
      for (var i = 0; i < order.length; i++) {
        language = order[i];
        var stem = queries.runString(word)[0];
        if (!stem) return;  // a small word, left out of the index
        if (chosen === null) chosen = stem;  // the reader's language, unless found only in another
        if (inIndex(lunr, stem)) { chosen = stem; break; }
      }
      if (words.indexOf(chosen) === -1) words.push(chosen);
    });
    language = reader;  // words lunr stems itself (none here, as every word ends in *)
    // a query of small words only is searched as typed
    return words.length ? words.join(" ") : query;
  }

  addEventListener("message", function (event) {
    // registered before Material's worker is loaded, so it reads the message first
    var message = event.data;
    if (!message) return;
    if (message.type === SETUP && message.data) {
      config = message.data.config || null;
      queries = null;
    }
    if (message.type === QUERY && typeof message.data === "string") {
      var reader = languages().indexOf(message.lang) !== -1 ? message.lang : languages()[0];
      message.data = stemmed(message.data, reader);
    }
  });

  if (material) {
    var loaded = importScripts(new URL(material[0], here).href);
    // in the file:// shim, importScripts loads the script later and returns a promise
    if (loaded && typeof loaded.then === "function") {
      loaded.then(function () { install(self.lunr); });
    } else {
      install(self.lunr);
    }
  }
})();
