// Ingestion benchmark: generates N news-like French pages (HTML of 100-200 KB: site chrome,
// scripts, navigation, ads, an article of composed French sentences about invented stories,
// reader comments; about 10% syndicated copies of an earlier article on another site), writes
// them as WARC files, and ingests them end to end (read, extract, annotate, moderate, dedup,
// cluster, index, store) into a fresh database with the Ingester.
//
// Prints: pages/s end to end, the time per page in each 10% slice of N (is it flat as the corpus
// grows?), peak RSS, and the command that reproduces the figures.
//
//   ingest_bench [--pages N] [--threads T] [--dir DIR] [--keep] [--seed S] [--ud DIR]
// --ud: the UD French treebanks (default ../shared/data/ud beside the checkout) for filler prose.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <set>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "veille/ingester.h"
#include "veille/store.h"

namespace fs = std::filesystem;

namespace {

// ---- the template bank: invented people, places and organisations, and French sentence
// templates with slots, so that every article is different while stories share their actors.
const char* kFirst[] = {"Claire", "Julien", "Nadia", "Pierre", "Sophie", "Karim", "Hélène", "Yann", "Amélie", "Thomas",
                        "Isabelle", "Mathieu", "Leïla", "François", "Camille", "Olivier", "Maëlle", "Benoît", "Aurélie", "Rachid"};
const char* kLast[] = {"Morvan", "Lefèvre", "Benali", "Garnier", "Roussel", "Aït-Saïd", "Le Gall", "Marchand", "Perrin", "Caradec",
                       "Dufresne", "Bouvier", "Keller", "Moreau", "Tanguy", "Chevalier", "Brunet", "Lemoine", "Renaud", "Girard"};
const char* kRole[] = {"maire", "préfète", "présidente du conseil départemental", "secrétaire général du syndicat",
                       "directeur du port", "adjointe aux finances", "porte-parole de l'association", "procureur",
                       "députée de la circonscription", "président de la chambre de commerce"};
const char* kPlace[] = {"Quimperlé", "Saint-Nazaire", "Montluçon", "Vierzon", "Lorient", "Dieppe", "Cholet", "Albi", "Rodez",
                        "Périgueux", "Auxerre", "Belfort", "Chambéry", "Tarbes", "Niort", "Laval", "Vannes", "Sète",
                        "Bayonne", "Valence", "Morlaix", "Fougères", "Saumur", "Nevers", "Épinal", "Verdun", "Cahors",
                        "Millau", "Gap", "Digne", "Aurillac", "Guéret", "Tulle", "Lannion", "Dinan", "Granville",
                        "Honfleur", "Abbeville", "Saint-Omer", "Dole"};
const char* kOrg[] = {"la Compagnie des Eaux de l'Ouest", "le syndicat des transports", "l'Agence régionale de santé",
                      "la chambre d'agriculture", "l'Union des commerçants", "le Conseil régional", "la Société des autoroutes",
                      "l'Office public de l'habitat", "la Fédération des pêcheurs", "le Comité de défense des usagers"};
const char* kTopic[] = {"la fermeture de la maternité", "le projet de contournement routier", "la grève des agents municipaux",
                        "la hausse de la taxe foncière", "la pollution de la rivière", "le plan de rénovation des écoles",
                        "la suppression de la ligne de train", "l'extension de la zone commerciale",
                        "la sécheresse et les restrictions d'eau", "le procès de l'ancien élu"};
const char* kVerb[] = {"a annoncé", "a affirmé", "a reconnu", "a dénoncé", "a rappelé", "a expliqué", "a regretté", "a assuré",
                       "a souligné", "a estimé", "a indiqué", "a confié", "a martelé", "a déploré"};
// Topic words: each topic brings its own vocabulary, as real stories do.
const char* kTopicDetail[] = {
    "Les sages-femmes et les médecins de garde redoutent des trajets de plus d'une heure pour les futures mères.",
    "Le tracé du contournement traverserait trois hameaux et une zone humide classée.",
    "Les agents municipaux réclament une revalorisation des primes et le remplacement des postes vacants.",
    "Les propriétaires verront leur avis d'imposition grimper dès l'automne prochain.",
    "Des poissons morts ont été retrouvés sur plusieurs kilomètres en aval de la station d'épuration.",
    "Les écoles concernées devront être isolées et leurs chaudières au fioul remplacées.",
    "Les usagers de la ligne devront se rabattre sur des cars, avec un temps de trajet doublé.",
    "Les enseignes de la zone commerciale promettent deux cents emplois, ce que contestent les commerçants du centre.",
    "Les agriculteurs ne pourront plus irriguer entre 8 heures et 20 heures jusqu'à nouvel ordre.",
    "L'ancien élu est poursuivi pour prise illégale d'intérêts dans l'attribution de marchés publics.",
};
const char* kClause[] = {"", "", "", ", selon nos informations", ", a-t-on appris {DAY}", ", d'après un proche du dossier",
                         ", affirme-t-on à la mairie", ", selon un décompte de la police", ", d'après les organisateurs",
                         ", précise-t-on de source syndicale"};
const char* kDay[] = {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"};
const char* kMonth[] = {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
                        "novembre", "décembre"};
const char* kTemplates[] = {
    "{PER}, {ROLE} de {PLACE}, {VERB} {DAY} que {TOPIC} serait examiné lors du prochain conseil.",
    "À {PLACE}, {TOPIC} continue de diviser les habitants, qui étaient plusieurs centaines à manifester {DAY} matin.",
    "« Nous ne lâcherons rien », {VERB} {PER} devant la mairie de {PLACE}, sous les applaudissements.",
    "Selon {ORG}, le coût du projet dépasse désormais {NUM} millions d'euros, soit le double de l'estimation initiale.",
    "Le {ALERT}, {PER} avait déjà alerté {ORG} sur les conséquences de {TOPIC}.",
    "Les élus de l'opposition réclament une étude indépendante avant toute décision sur {TOPIC}.",
    "{ORG} {VERB} que les premiers travaux pourraient commencer au printemps, si les financements sont confirmés.",
    "Une réunion publique est prévue le {MEETING} à la salle des fêtes de {PLACE}, a précisé {PER}.",
    "Dans un communiqué publié {DAY}, {ORG} dénonce « un passage en force » et annonce un recours devant le tribunal administratif.",
    "{PER} {VERB} avoir reçu le soutien de plusieurs maires de la communauté de communes de {PLACE}.",
    "Près de {NUM} personnes ont signé la pétition en ligne lancée par {ORG} contre {TOPIC}.",
    "La préfecture indique qu'aucune décision définitive ne sera prise avant la fin de l'année.",
    "Pour {PER}, {TOPIC} est « une question de justice pour les familles qui vivent ici depuis des générations ».",
    "Les commerçants du centre-ville de {PLACE} craignent une baisse de leur chiffre d'affaires de {NUM} %.",
    "Interrogé par notre rédaction, {PER} n'a pas souhaité commenter les chiffres avancés par {ORG}.",
    "Le dossier sera de nouveau discuté en séance plénière, a confirmé {PER}, {ROLE} de {PLACE}.",
    "La décision a surpris jusque dans les rangs de la majorité, où plusieurs conseillers disent avoir découvert le projet dans la presse.",
    "Un premier bilan sera présenté aux habitants avant l'été, promet {ORG}.",
};
const char* kComments[] = {
    "Encore une décision prise sans consulter les habitants, comme d'habitude.",
    "Merci pour cet article très complet, on attend la suite avec impatience.",
    "Il faudrait surtout penser aux familles qui n'ont pas de voiture.",
    "Bravo aux manifestants, il faut continuer la mobilisation !",
    "Quelle bande d'incapables, ils se moquent vraiment de nous.",
    "Je ne comprends pas pourquoi le projet coûte aussi cher.",
    "On en reparlera aux prochaines élections, c'est certain.",
};
const char* kSites[] = {"Le Courrier de l'Ouest Intérieur", "La Gazette des Vallées", "L'Écho du Littoral", "Le Journal du Centre-Est",
                        "La Dépêche des Monts", "Le Réveil de la Plaine", "Midi Nouvelles", "L'Observateur Régional"};

struct Story {
  std::string per1, per2, role, place, org, topic, detail;
  int day0 = 0;  // days since 2025-01-01
  // The story's own dates, the same in all its articles: when the matter was first raised, and
  // the public meeting announced.
  int alert_day = 0, meeting_day = 0;
};

std::string day_iso(int day);

// Real French sentences (the "# text" lines of the UD French treebanks under ../shared/data/ud)
// fill most of each article, as the background prose of real news; the template sentences carry
// the story's actors. Without them every article is templates, and articles of one story share
// so many word 3-grams that many pass for near-duplicates.
std::vector<std::string> load_filler(const fs::path& ud) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::is_directory(ud, ec)) return out;
  for (auto it = fs::recursive_directory_iterator(ud, ec); it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (it->path().extension() != ".conllu") continue;
    std::ifstream in(it->path());
    std::string line;
    while (std::getline(in, line))
      if (line.rfind("# text = ", 0) == 0 && line.size() > 60) out.push_back(line.substr(9));
  }
  return out;
}

struct Generator {
  std::mt19937_64 rng;
  std::vector<std::string> filler;
  explicit Generator(uint64_t seed) : rng(seed) {}
  size_t pick(size_t n) { return static_cast<size_t>(rng() % n); }
  template <size_t N>
  const char* any(const char* const (&a)[N]) { return a[pick(N)]; }

  // A new story. Its place and topic are not those of a story still in the news (`recent`): the
  // same matter in the same town the same week is one story to a reader, whoever is quoted.
  Story story(int day0, const std::vector<Story>& recent) {
    Story s;
    s.per1 = std::string(any(kFirst)) + " " + any(kLast);
    s.per2 = std::string(any(kFirst)) + " " + any(kLast);
    s.role = any(kRole);
    s.org = any(kOrg);
    size_t t = pick(std::size(kTopic));
    s.topic = kTopic[t];
    s.detail = kTopicDetail[t];
    for (bool taken = true; taken;) {
      s.place = any(kPlace);
      taken = false;
      for (const Story& r : recent) taken = taken || (r.place == s.place && r.topic == s.topic);
    }
    s.day0 = day0;
    s.alert_day = std::max(0, day0 - 1 - static_cast<int>(pick(30)));
    s.meeting_day = day0 + 3 + static_cast<int>(pick(18));
    return s;
  }

  // "7 mars" for a day of the generator's calendar.
  static std::string day_month(int day) {
    const std::string iso = day_iso(day);
    return std::to_string(std::stoi(iso.substr(8, 2))) + " " + kMonth[std::stoi(iso.substr(5, 2)) - 1];
  }

  std::string sentence(const Story& s) {
    if (!filler.empty() && pick(10) < 6) return filler[pick(filler.size())];
    if (pick(6) == 0) return s.detail;
    std::string t = any(kTemplates), out;
    // A clause before the final period, so that two articles of one story rarely share sentences.
    std::string clause = any(kClause);
    if (!clause.empty() && t.back() == '.' && t[t.size() - 2] != '\xbb') t = t.substr(0, t.size() - 1) + clause + ".";
    for (size_t i = 0; i < t.size();) {
      if (t[i] != '{') {
        out += t[i++];
        continue;
      }
      size_t end = t.find('}', i);
      std::string slot = t.substr(i + 1, end - i - 1);
      i = end + 1;
      if (slot == "PER") out += pick(3) ? s.per1 : s.per2;
      else if (slot == "ROLE") out += s.role;
      else if (slot == "PLACE") out += s.place;
      else if (slot == "ORG") out += s.org;
      else if (slot == "TOPIC") out += s.topic;
      else if (slot == "VERB") out += any(kVerb);
      else if (slot == "DAY") out += any(kDay);
      else if (slot == "NUM") out += std::to_string(2 + pick(900));
      else if (slot == "ALERT") out += day_month(s.alert_day);
      else if (slot == "MEETING") out += day_month(s.meeting_day);
    }
    return out;
  }

  // Site chrome: scripts, styles, navigation and link lists, so that pages weigh 100-200 KB as
  // real news pages do (the article itself is a few KB).
  std::string chrome(size_t bytes, const std::string& site) {
    std::string out;
    out.reserve(bytes + 1024);
    out += "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}\n";
    while (out.size() < bytes * 6 / 10)
      out += "var cfg_" + std::to_string(pick(1000000)) + "={slot:'banner-" + std::to_string(pick(50)) +
             "',sizes:[[728,90],[300,250]],targeting:{section:'region',site:'" + site +
             "'},lazy:true,refresh:" + std::to_string(pick(120)) + "};\n";
    out += "</script>\n<nav class=\"menu\"><ul>";
    while (out.size() < bytes)
      out += "<li><a href=\"/rubrique/" + std::to_string(pick(5000)) + "\">" + any(kPlace) + " : " + any(kTopic) +
             "</a></li>";
    out += "</ul></nav>\n";
    return out;
  }
};

std::string html_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '&') out += "&amp;";
    else out += c;
  }
  return out;
}

// Stories against the generator's truth, pairwise over the stored articles that are not copies
// (a copy is shown under its source): precision = pairs put in one story that share a generated
// story, recall = pairs of a generated story put in one story. The generator's stories draw their
// people, places and topics from small banks and share the same sentence templates, so two of its
// stories can be one event to a reader: precision is a lower bound.
// Threads: the largest one (stories), and the most distinct subjects (a generated story's place
// and topic) one thread holds, by the generated stories of its articles.
void score_stories(veille::Store& store, const std::vector<size_t>& truth, const std::vector<std::string>& subject) {
  auto st = store.stats();
  if (!st.ok()) return;
  std::map<std::pair<int64_t, size_t>, size_t> cell;  // (stored story or -article, truth) -> pages
  std::map<int64_t, size_t> pred;
  std::map<size_t, size_t> gold;
  std::map<int64_t, std::set<std::string>> story_subjects;  // stored story -> subjects of its articles
  size_t scored = 0;
  for (int64_t id = 1; id <= st->articles; ++id) {
    auto a = store.get_article(id);
    if (!a.ok() || a->duplicate_of) continue;
    const auto url = a->document.value("url", std::string());
    size_t slash = url.rfind('/');
    if (slash == std::string::npos) continue;
    size_t page = std::strtoull(url.c_str() + slash + 1, nullptr, 10);
    if (page >= truth.size()) continue;
    int64_t s = a->story ? *a->story : -id;  // no story: a story of its own
    ++cell[{s, truth[page]}];
    if (truth[page] < subject.size()) story_subjects[s].insert(subject[truth[page]]);
    ++pred[s];
    ++gold[truth[page]];
    ++scored;
  }
  auto pairs = [](size_t n) { return static_cast<double>(n) * static_cast<double>(n - 1) / 2; };
  double both = 0, p = 0, g = 0;
  for (const auto& [k, n] : cell) both += pairs(n);
  for (const auto& [k, n] : pred) p += pairs(n);
  for (const auto& [k, n] : gold) g += pairs(n);
  std::printf("stories against the generator's truth (%zu articles, copies left out): %zu stored, %zu generated; "
              "pairwise P %.3f R %.3f\n",
              scored, pred.size(), gold.size(), p > 0 ? both / p : 1.0, g > 0 ? both / g : 1.0);
  auto threads = store.list_threads();
  if (!threads.ok()) return;
  size_t largest = 0, most_subjects = 0, in_threads = 0;
  for (const auto& t : threads->threads) {
    std::set<std::string> subjects;
    for (int64_t sid : t.stories) {
      auto it = story_subjects.find(sid);
      if (it != story_subjects.end()) subjects.insert(it->second.begin(), it->second.end());
    }
    largest = std::max(largest, t.stories.size());
    most_subjects = std::max(most_subjects, subjects.size());
    in_threads += t.stories.size();
  }
  std::printf("threads: %zu (%zu stories in them); largest %zu stories; most place/topic subjects in one thread %zu\n",
              threads->threads.size(), in_threads, largest, most_subjects);
}

std::string day_iso(int day) {  // days since 2025-01-01 -> YYYY-MM-DD (2025-2026)
  static const int kLen[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int y = 2025;
  while (day >= 365) {
    day -= 365;
    ++y;
  }
  int m = 0;
  while (day >= kLen[m]) day -= kLen[m++];
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m + 1, day + 1);
  return buf;
}

std::string any_name(Generator& g) { return std::string(g.any(kFirst)) + " " + g.any(kLast); }

struct Article {
  std::string title, site, url, published;
  std::vector<std::string> paragraphs;
  size_t story = 0;  // the generator's story: the truth the clustering is scored against
};

std::string render(Generator& g, const Article& a, size_t target_bytes) {
  std::string body;
  body += "<article><h1>" + html_escape(a.title) + "</h1>\n<p class=\"byline\">Par " + any_name(g) + ", publié le " +
          a.published + "</p>\n";
  for (const auto& p : a.paragraphs) body += "<p>" + html_escape(p) + "</p>\n";
  body += "</article>\n<aside class=\"pub\"><p>Publicité</p><p>Votre assurance habitation à partir de 9 € par mois. "
          "Devis gratuit en ligne.</p></aside>\n";
  size_t ncomments = g.pick(8);
  if (ncomments) {
    body += "<section id=\"comments\"><h2>" + std::to_string(ncomments) + " commentaires</h2><ol>";
    for (size_t i = 0; i < ncomments; ++i)
      body += "<li class=\"comment\"><div class=\"comment-author\">" + std::string(g.any(kFirst)) +
              "</div><div class=\"comment-date\">" + a.published + "</div><div class=\"comment-body\"><p>" +
              html_escape(g.any(kComments)) + "</p></div></li>";
    body += "</ol></section>\n";
  }
  std::string head = "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>" + html_escape(a.title) +
                     " | " + html_escape(a.site) + "</title><meta property=\"og:site_name\" content=\"" +
                     html_escape(a.site) + "\"><meta property=\"article:published_time\" content=\"" + a.published +
                     "T08:00:00+01:00\"><link rel=\"canonical\" href=\"" + a.url + "\"></head><body>\n";
  size_t fill = target_bytes > head.size() + body.size() ? target_bytes - head.size() - body.size() : 1024;
  std::string top = g.chrome(fill / 2, a.site), bottom = g.chrome(fill / 2, a.site);
  return head + top + body + bottom + "<footer>© " + html_escape(a.site) + "</footer></body></html>\n";
}

void write_warc_record(std::ofstream& out, const std::string& url, const std::string& date, const std::string& html) {
  std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " +
                     std::to_string(html.size()) + "\r\n\r\n" + html;
  out << "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " << url << "\r\nWARC-Date: " << date
      << "T09:00:00Z\r\nWARC-Record-ID: <urn:uuid:" << std::hash<std::string>{}(url) << ">\r\n"
      << "Content-Type: application/http; msgtype=response\r\nContent-Length: " << http.size() << "\r\n\r\n"
      << http << "\r\n\r\n";
}

long peak_rss_kb() {
  struct rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

double cpu_seconds() {
  struct rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

// Samples, every 10 ms, how many of this process's threads are runnable (state R in
// /proc/self/task/*/stat: running or waiting for a core), leaving out the sampler itself. The
// share of time with two or more runnable threads is what the process could use of two cores
// whatever the other jobs on the machine: it shows where the pipeline's shape leaves a core idle,
// which wall time on a shared machine cannot.
class RunnableSampler {
 public:
  RunnableSampler()
      : thread_([this](std::stop_token stop) {
          const std::string self = std::to_string(::gettid());
          while (!stop.stop_requested()) {
            size_t n = 0;
            std::error_code ec;
            for (const auto& e : fs::directory_iterator("/proc/self/task", ec)) {
              if (e.path().filename() == self) continue;
              std::ifstream f(e.path() / "stat");
              std::string line;
              std::getline(f, line);
              auto close = line.rfind(')');
              if (close != std::string::npos && close + 2 < line.size() && line[close + 2] == 'R') ++n;
            }
            ++counts_[std::min<size_t>(n, 3)];
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
          }
        }) {}
  // Percent of samples with 0, 1, 2, 3+ runnable threads; call once, after the work.
  std::vector<double> stop() {
    thread_.request_stop();
    thread_.join();
    size_t total = 0;
    for (size_t c : counts_) total += c;
    std::vector<double> pct;
    for (size_t c : counts_) pct.push_back(total ? 100.0 * static_cast<double>(c) / static_cast<double>(total) : 0);
    return pct;
  }

 private:
  size_t counts_[4] = {0, 0, 0, 0};
  std::jthread thread_;
};

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // lines as they come, also into a file
  size_t pages = 2000;
  unsigned threads = 2;
  uint64_t seed = 42;
  std::string dir = (fs::temp_directory_path() / "veille_ingest_bench").string();
  bool keep = false;
  fs::path ud = fs::path(__FILE__).parent_path().parent_path() / ".." / "shared" / "data" / "ud";
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "ingest_bench: %s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--pages") pages = std::stoul(next());
    else if (a == "--threads") threads = static_cast<unsigned>(std::stoul(next()));
    else if (a == "--dir") dir = next();
    else if (a == "--seed") seed = std::stoull(next());
    else if (a == "--keep") keep = true;
    else if (a == "--ud") ud = next();
    else {
      std::fprintf(stderr, "usage: ingest_bench [--pages N] [--threads T] [--dir DIR] [--keep] [--seed S] [--ud DIR]\n");
      return 2;
    }
  }
  fs::remove_all(dir);
  fs::create_directories(dir / fs::path("warc"));

  // ---- generate
  auto t0 = std::chrono::steady_clock::now();
  Generator g(seed);
  g.filler = load_filler(ud);
  if (g.filler.empty())
    std::printf("note: no UD French sentences under %s: articles are template sentences only\n", ud.c_str());
  else
    std::printf("filler: %zu French sentences from %s\n", g.filler.size(), ud.c_str());
  std::vector<Story> stories;
  std::vector<Article> recent;  // candidates for syndicated copies
  std::vector<size_t> truth;     // page i -> its generated story (a copy: its original's)
  size_t bytes = 0, copies = 0;
  const size_t per_file = 500;
  std::ofstream warc;
  for (size_t i = 0; i < pages; ++i) {
    if (i % per_file == 0) {
      warc.close();
      warc.open(fs::path(dir) / "warc" / ("pages-" + std::to_string(i / per_file) + ".warc"), std::ios::binary);
    }
    // The news moves on: about one new story per 6 pages, over ~2 days of news per 100 pages.
    int today = static_cast<int>(i * 2 / 100);
    if (stories.empty() || g.pick(6) == 0) {
      // The stories that articles are still drawn from (the window below).
      const size_t from = stories.size() > 40 ? stories.size() - 40 : 0;
      stories.push_back(g.story(today, std::vector<Story>(stories.begin() + static_cast<long>(from), stories.end())));
    }
    Article a;
    if (!recent.empty() && g.pick(10) == 0) {
      // A syndicated copy: the same dispatch on another site, lightly edited.
      a = recent[g.pick(recent.size())];
      a.site = g.any(kSites);
      if (!a.paragraphs.empty()) a.paragraphs.back() += " (avec agence)";
      ++copies;
    } else {
      // Mostly recent stories, sometimes an older one coming back.
      size_t window = std::min<size_t>(stories.size(), 40);
      a.story = stories.size() - 1 - g.pick(window);
      const Story& s = stories[a.story];
      a.site = g.any(kSites);
      a.title = s.place + " : " + s.topic + ", " + s.per1 + " " + g.any(kVerb) + " sa position";
      size_t np = 6 + g.pick(8);
      for (size_t p = 0; p < np; ++p) {
        std::string para;
        size_t ns = 2 + g.pick(3);
        for (size_t k = 0; k < ns; ++k) para += (k ? " " : "") + g.sentence(s);
        a.paragraphs.push_back(para);
      }
      a.published = day_iso(std::max(s.day0, today - static_cast<int>(g.pick(2))));
      recent.push_back(a);
      if (recent.size() > 200) recent.erase(recent.begin());
    }
    a.url = "https://" + std::to_string(std::hash<std::string>{}(a.site) % 100000) + ".example/article/" + std::to_string(i);
    truth.push_back(a.story);
    std::string html = render(g, a, 100000 + g.pick(100000));
    bytes += html.size();
    write_warc_record(warc, a.url, a.published, html);
  }
  warc.close();
  double gen_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("generated %zu pages (%.1f MB of HTML, %zu syndicated copies, %zu stories) in %.1f s under %s\n", pages,
              static_cast<double>(bytes) / 1e6, copies, stories.size(), gen_s, dir.c_str());

  // ---- ingest
  auto store = veille::open_sqlite_store((fs::path(dir) / "bench.db").string());
  if (!store.ok()) {
    std::fprintf(stderr, "ingest_bench: %s\n", store.status().to_string().c_str());
    return 1;
  }
  veille::IngestOptions opts;
  opts.pipeline.threads = threads;
  auto ing = veille::Ingester::create(**store, opts);
  if (!ing.ok()) {
    std::fprintf(stderr, "ingest_bench: %s (set VEILLE_MODELS to the models/ directory)\n", ing.status().to_string().c_str());
    return 1;
  }
  struct Mark {
    size_t done;
    double wall, cpu, writer;  // seconds since the start: wall, process CPU, writer-thread CPU
  };
  std::vector<Mark> marks;  // after each committed batch
  auto start = std::chrono::steady_clock::now();
  double cpu0 = cpu_seconds();
  RunnableSampler sampler;
  size_t errors = 0;
  auto counts = (*ing)->ingest(
      {(fs::path(dir) / "warc").string()}, [&](const veille::InputError&) { ++errors; },
      [&](const veille::IngestCounts& c) {
        marks.push_back({c.new_pages + c.known + c.failed,
                         std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
                         cpu_seconds() - cpu0, c.writer_cpu_seconds});
      });
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double cpu = cpu_seconds() - cpu0;
  const std::vector<double> runnable = sampler.stop();
  if (!counts.ok()) {
    std::fprintf(stderr, "ingest_bench: %s\n", counts.status().to_string().c_str());
    return 1;
  }
  auto st = (*store)->stats();
  std::printf("ingested: read=%zu new=%zu known=%zu duplicates=%zu failed=%zu in %.1f s on %u threads: %.1f pages/s end to end\n",
              counts->read, counts->new_pages, counts->known, counts->duplicates, counts->failed, secs, threads,
              static_cast<double>(counts->read) / secs);
  double load[1] = {0};
  getloadavg(load, 1);
  // On a shared machine wall time depends on the other jobs: CPU time per page says what the work
  // costs, and pages per CPU-second times the cores is what an idle machine would do.
  std::printf("cpu: %.1f s (%.2f ms per page, %.1f pages per CPU-second); load average %.1f during the run\n", cpu,
              1000 * cpu / static_cast<double>(counts->read), static_cast<double>(counts->read) / cpu, load[0]);
  std::printf("runnable threads (sampled every 10 ms): 0: %.1f%%, 1: %.1f%%, 2: %.1f%%, 3+: %.1f%%; usable share of 2 cores %.1f%%\n",
              runnable[0], runnable[1], runnable[2], runnable[3],
              runnable[1] / 2 + runnable[2] + runnable[3]);
  if (st.ok())
    std::printf("store: %lld articles, %lld stories, %lld threads, %lld entities, database %.1f MB\n",
                static_cast<long long>(st->articles), static_cast<long long>(st->stories),
                static_cast<long long>(st->threads), static_cast<long long>(st->entities),
                static_cast<double>(fs::file_size(fs::path(dir) / "bench.db")) / 1e6);
  // Time per page in each 10% slice of the pages (interpolated between batch commits): wall time
  // (depends on the machine's other jobs), process CPU time, and the writer thread's CPU time
  // (store, duplicates, stories, index: the part that would grow with the corpus).
  auto at = [&](double done, double Mark::*field) {
    double prev_n = 0, prev_v = 0;
    for (const auto& m : marks) {
      if (static_cast<double>(m.done) >= done) {
        double f = static_cast<double>(m.done) > prev_n ? (done - prev_n) / (static_cast<double>(m.done) - prev_n) : 1;
        return prev_v + f * (m.*field - prev_v);
      }
      prev_n = static_cast<double>(m.done);
      prev_v = m.*field;
    }
    return prev_v;
  };
  for (auto [name, field] : {std::pair{"wall", &Mark::wall}, std::pair{"cpu", &Mark::cpu}, std::pair{"writer cpu", &Mark::writer}}) {
    std::printf("%s ms per page by 10%% slice:", name);
    for (int s = 0; s < 10; ++s) {
      double a = static_cast<double>(pages) * s / 10, b = static_cast<double>(pages) * (s + 1) / 10;
      std::printf(" %.2f", 1000 * (at(b, field) - at(a, field)) / (b - a));
    }
    std::printf("\n");
  }
  std::printf("peak RSS: %.1f MB\n", static_cast<double>(peak_rss_kb()) / 1024);
  std::vector<std::string> subjects;
  for (const Story& s : stories) subjects.push_back(s.place + " / " + s.topic);
  score_stories(**store, truth, subjects);
  std::printf("reproduce: VEILLE_MODELS=models build/bench/ingest_bench --pages %zu --threads %u --seed %llu\n", pages,
              threads, static_cast<unsigned long long>(seed));
  if (!keep) fs::remove_all(dir);
  return 0;
}
