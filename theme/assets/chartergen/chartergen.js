/* chartergen: the few behaviours the policy site needs, with no outside script.
 *
 * - [data-cg-filter]: filters the rows ([data-cg-row]) of the tables on the home page.
 * - ul[data-cg-storage]: checklist boxes whose state the browser keeps in localStorage,
 *   under the key given by the attribute (charter slug and version).
 * - [data-cg-reset]: clears those boxes; [data-cg-print]: prints the page;
 *   [data-cg-print-card]: prints the crisis card alone (html.cg-print-card, see the CSS).
 * Copy buttons use Material's own clipboard support (data-clipboard-target).
 * Material's search dialog gets an accessible name; wide tables that scroll take the focus.
 * While a charter's page is open (meta chartergen-charter), search lists that charter's
 * results first. A question's small words are left out of the search (see SMALL_WORDS).
 * - [data-cg-quiz]: the self-check. Choosing an answer marks it right or wrong, opens the
 *   explanation and counts the score; [data-cg-quiz-again] starts again. Nothing is sent.
 */
(function () {
  "use strict";

  function filterTables(input) {
    var query = input.value.trim().toLowerCase();
    var shown = 0;
    document.querySelectorAll("[data-cg-row]").forEach(function (row) {
      var match = !query || row.textContent.toLowerCase().indexOf(query) !== -1;
      row.hidden = !match;
      if (match && row.closest("#" + input.getAttribute("data-cg-filter"))) shown += 1;
    });
    var none = document.querySelector(".cg-filter__none");
    if (none) none.hidden = shown !== 0;
  }

  function readState(key) {
    try {
      return JSON.parse(window.localStorage.getItem(key) || "{}") || {};
    } catch (error) {
      return {};
    }
  }

  function writeState(key, state) {
    try {
      window.localStorage.setItem(key, JSON.stringify(state));
    } catch (error) {
      /* storage full or disabled: the boxes still work for this visit */
    }
  }

  function setUpChecklist(list) {
    var key = list.getAttribute("data-cg-storage");
    var state = readState(key);
    list.querySelectorAll("input[data-cg-item]").forEach(function (box) {
      if (box.disabled) return;
      var id = box.getAttribute("data-cg-item");
      box.checked = state[id] === true;
      box.addEventListener("change", function () {
        var current = readState(key);
        if (box.checked) current[id] = true;
        else delete current[id];
        writeState(key, current);
      });
    });
  }

  function nameSearchDialog() {
    /* Material's search is a dialog with no accessible name: give it the search box's label */
    document.querySelectorAll('.md-search[role="dialog"]:not([aria-label])').forEach(function (dialog) {
      var input = dialog.querySelector(".md-search__input");
      var name = input && (input.getAttribute("aria-label") || input.getAttribute("placeholder"));
      if (name) dialog.setAttribute("aria-label", name);
    });
  }

  function focusableScrolling() {
    /* a table wider than the page scrolls: keyboard users must be able to reach it */
    document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset table[class]").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
      }
    });
  }

  function setUpQuiz(quiz) {
    var score = quiz.querySelector("[data-cg-quiz-score]");
    var questions = Array.prototype.slice.call(quiz.querySelectorAll("[data-cg-answer]"));
    quiz.classList.add("cg-quiz--live");

    function count() {
      var answered = questions.filter(function (q) { return q.hasAttribute("data-cg-chosen"); });
      var right = answered.filter(function (q) {
        return q.getAttribute("data-cg-chosen") === q.getAttribute("data-cg-answer");
      });
      score.hidden = answered.length === 0;
      score.textContent = quiz.getAttribute("data-cg-score-label")
        .replace("{right}", right.length).replace("{count}", questions.length);
    }

    function reset(question) {
      question.removeAttribute("data-cg-chosen");
      question.classList.remove("cg-quiz__q--right", "cg-quiz__q--wrong");
      question.querySelectorAll("[data-cg-choice]").forEach(function (button) {
        button.disabled = false;
        button.classList.remove("cg-quiz__choice--right", "cg-quiz__choice--wrong");
        button.removeAttribute("aria-pressed");
      });
      question.querySelectorAll(".cg-quiz__verdict").forEach(function (v) { v.hidden = true; });
      question.querySelector(".cg-quiz__why").open = false;
    }

    questions.forEach(function (question) {
      var answer = question.getAttribute("data-cg-answer");
      question.querySelectorAll("[data-cg-choice]").forEach(function (button) {
        button.addEventListener("click", function () {
          if (question.hasAttribute("data-cg-chosen")) return;
          var choice = button.getAttribute("data-cg-choice");
          var right = choice === answer;
          question.setAttribute("data-cg-chosen", choice);
          question.classList.add(right ? "cg-quiz__q--right" : "cg-quiz__q--wrong");
          button.setAttribute("aria-pressed", "true");
          question.querySelectorAll("[data-cg-choice]").forEach(function (other) {
            other.disabled = true;
            if (other.getAttribute("data-cg-choice") === answer) {
              other.classList.add("cg-quiz__choice--right");
            }
          });
          if (!right) button.classList.add("cg-quiz__choice--wrong");
          question.querySelector(right ? ".cg-quiz__verdict--right"
                                       : ".cg-quiz__verdict--wrong").hidden = false;
          question.querySelector(".cg-quiz__why").open = true;
          count();
        });
      });
    });
    quiz.querySelectorAll("[data-cg-quiz-again]").forEach(function (button) {
      button.addEventListener("click", function () {
        questions.forEach(reset);
        count();
        if (questions.length) questions[0].scrollIntoView();
      });
    });
  }

  function init() {
    ownResultsFirst();
    nameSearchDialog();
    focusableScrolling();
    document.querySelectorAll("input[data-cg-filter]").forEach(function (input) {
      input.addEventListener("input", function () { filterTables(input); });
      if (input.value) filterTables(input);
    });
    document.querySelectorAll("ul[data-cg-storage]").forEach(setUpChecklist);
    document.querySelectorAll("[data-cg-quiz]").forEach(setUpQuiz);
    document.querySelectorAll("[data-cg-reset]").forEach(function (button) {
      button.addEventListener("click", function () {
        var key = button.getAttribute("data-cg-reset");
        try { window.localStorage.removeItem(key); } catch (error) { /* ignore */ }
        document.querySelectorAll('ul[data-cg-storage="' + key + '"] input[data-cg-item]')
          .forEach(function (box) { if (!box.disabled) box.checked = false; });
      });
    });
    // On paper the diagram is left out and its written-out steps are shown instead.
    window.addEventListener("beforeprint", function () {
      document.querySelectorAll("details.cg-escalation-text").forEach(function (d) { d.open = true; });
    });
    document.querySelectorAll("[data-cg-print]").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
    document.querySelectorAll("[data-cg-print-card]").forEach(function (button) {
      button.addEventListener("click", function () {
        var root = document.documentElement;
        root.classList.add("cg-print-card");
        window.addEventListener("afterprint", function done() {
          root.classList.remove("cg-print-card");
          window.removeEventListener("afterprint", done);
        });
        window.print();
      });
    });
  }

  /* Words the search index leaves out (lunr's English and French stop-word lists, which the
   * site's search applies to every page). Material's search looks each typed word up as the
   * start of longer words, so in a question typed in full ("can I post about a customer",
   * "qui appeler la nuit") "a" and "i" matched every word starting with them and outweighed
   * the words that carry the question. They are dropped from what is searched, unless
   * nothing else is left; quoted phrases and words marked + or - are kept as typed. */
  var SMALL_WORDS = new Set((
    "a able about across after all almost also am among an and any are as at be because been " +
    "but by can cannot could dear did do does either else ever every for from get got had has " +
    "have he her hers him his how however i if in into is it its just least let like likely " +
    "may me might most must my neither no nor not of off often on only or other our own " +
    "rather said say says she should since so some than that the their them then there these " +
    "they this tis to too twas us wants was we were what when where which while who whom why " +
    "will with would yet you your " +
    "ai aie aient aies ait as au aura aurai auraient aurais aurait auras aurez auriez aurions " +
    "aurons auront aux avaient avais avait avec avez aviez avions avons ayant ayez ayons c ce " +
    "ceci celà ces cet cette d dans de des du elle en es est et eu eue eues eurent eus eusse " +
    "eussent eusses eussiez eussions eut eux eûmes eût eûtes furent fus fusse fussent fusses " +
    "fussiez fussions fut fûmes fût fûtes ici il ils j je l la le les leur leurs lui m ma " +
    "mais me mes moi mon même n ne nos notre nous on ont ou par pas pour qu que quel quelle " +
    "quelles quels qui s sa sans se sera serai seraient serais serait seras serez seriez " +
    "serions serons seront ses soi soient sois soit sommes son sont soyez soyons suis sur t " +
    "ta te tes toi ton tu un une vos votre vous y à étaient étais était étant étiez étions " +
    "été étée étées étés êtes").split(" "));

  function withoutSmallWords(query) {
    if (/(^|\s)[+\-]|["~^:*]/.test(query)) return query;  // the search's own syntax
    // split where the search splits ("puis-je": "puis", "je")
    var words = query.trim().split(/[\s\-]+/);
    var kept = words.filter(function (word) {
      // "d'un" is a small word; "l'équipe" is not
      return !SMALL_WORDS.has(word.toLowerCase().replace(/^[a-z]['’]/, ""));
    });
    return kept.length ? kept.join(" ") : query;
  }

  function searchWithoutSmallWords() {
    /* the query reaches Material's search worker (or, opened from disk, its iframe shim) as
     * the message {type: 2, data: query}; it also says the page's language */
    var Worker = window.Worker;
    if (!Worker || !Worker.prototype || !Worker.prototype.postMessage || !window.Set) return;
    var post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (message) {
      var args = Array.prototype.slice.call(arguments);
      if (message && message.type === 2 && typeof message.data === "string") {
        // the page's language: typed words are stemmed in it (chartergen-search.js)
        args[0] = { type: 2, data: withoutSmallWords(message.data),
                    lang: document.documentElement.lang };
      }
      return post.apply(this, args);
    };
  }

  // Search results of the charter being read come first, in Material's order otherwise.
  function ownResultsFirst() {
    var meta = document.querySelector('meta[name="chartergen-charter"]');
    var list = document.querySelector(".md-search-result__list");
    if (!meta || !list || !window.MutationObserver) return;
    var folder = "/" + meta.getAttribute("content") + "/";
    function own(item) {
      var link = item.querySelector("a[href]");
      return !!link && new URL(link.href, document.baseURI).pathname.indexOf(folder) !== -1;
    }
    var observer = new MutationObserver(function () {
      var items = Array.prototype.slice.call(list.children);
      var first = items.filter(own);
      var ordered = first.concat(items.filter(function (item) { return !own(item); }));
      if (ordered.every(function (item, i) { return item === items[i]; })) return;
      observer.disconnect();
      ordered.forEach(function (item) { list.appendChild(item); });
      observer.observe(list, { childList: true });
    });
    observer.observe(list, { childList: true });
  }

  searchWithoutSmallWords();
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
