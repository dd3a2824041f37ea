/* chartergen: Material's search worker, with each typed word brought to its stem.
 *
 * The site's search index keeps word stems (English, French or both: the languages of the
 * charters, see the search plugin's "lang"), so "piratés" and "piraté" are one word in it.
 * Material's search looks each typed word up as the start of longer words ("piratés*"),
 * and lunr does not stem a word looked up that way: without this, a typed word found a
 * page only if the page had that very form or a longer one.
 *
 * This script is the worker Material's page starts (theme/main.html points its config at
 * it, the name of Material's own worker after the "?"). It loads Material's worker, and
 * rewrites each query before Material's worker reads it: every word goes through the
 * same steps as the index's words (trimmed, small words left out, stemmed), in lunr's
 * own language support, which Material ships with the site (nothing is fetched from
 * elsewhere). Queries using the search syntax ("…", +, -, ~, ^, :, *) are left as typed:
 * lunr stems those words itself, except those given a *.
 *
 * It runs as a real worker (served site) and in the iframe of Material's file:// shim.
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

  var config = null;     // the index's language, separator and pipeline (setup message)
  var pipeline = null;   // the steps the index's words went through

  function indexPipeline(lunr) {
    // as Material builds the index (its Search class): lunr's defaults for English, a
    // language's own plugin, or lunr-languages' multi-language support
    var builder = new lunr.Builder();
    builder.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
    var lang = config.lang || ["en"];
    if (lang.length === 1 && lang[0] !== "en") builder.use(lunr[lang[0]]);
    else if (lang.length > 1) builder.use(lunr.multiLanguage.apply(lunr, lang));
    ["trimmer", "stopWordFilter", "stemmer"].forEach(function (step) {
      if ((config.pipeline || []).indexOf(step) !== -1) return;
      lang.forEach(function (language) {
        var steps = language === "en" ? lunr : lunr[language];
        if (steps) builder.pipeline.remove(steps[step]);
      });
    });
    return builder.pipeline;
  }

  function stemmed(query) {
    var lunr = self.lunr;
    if (!config || !lunr || SYNTAX.test(query)) return query;
    if ((config.pipeline || []).indexOf("stemmer") === -1) return query;
    pipeline = pipeline || indexPipeline(lunr);
    var separator = new RegExp(config.separator || "[\\s\\-]+", "g");
    var words = [];
    query.toLowerCase().split(separator).forEach(function (word) {
      if (!word) return;
      pipeline.runString(word).forEach(function (stem) {
        if (stem && words.indexOf(stem) === -1) words.push(stem);
      });
    });
    // a query of small words only is searched as typed
    return words.length ? words.join(" ") : query;
  }

  addEventListener("message", function (event) {
    // registered before Material's worker is loaded, so it reads the message first
    var message = event.data;
    if (!message) return;
    if (message.type === SETUP && message.data) config = message.data.config || null;
    if (message.type === QUERY && typeof message.data === "string") {
      message.data = stemmed(message.data);
    }
  });

  if (material) importScripts(new URL(material[0], here).href);
})();
