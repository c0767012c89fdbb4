#!/usr/bin/env python3
"""Writes the generated part of samples/ from the articles in scripts/sample_articles.py.

The articles were written for veille (invented stories, people and sites). This script renders
each one with the template of its invented site (WordPress, Disqus copy, JSON-LD, OpenGraph only,
minimal, old table layouts in windows-1252 / ISO-8859-15), as flattened text like a copy-paste,
into a WARC file (multi-member gzip, one member per record) and a JSON Lines file, writes the bad
pages, and writes samples/EXPECTED.json. Only the standard library is used; the output is
byte-for-byte reproducible (fixed gzip mtime, fixed record ids).

    python3 scripts/make_samples.py            # rewrites the generated files under samples/

The five hand-written pages (samples/html/crue-aulne-*.html, elus-aulne-latin1.html,
samples/text/canal_velo_lyon.txt, marche_rennes.txt) are not generated; EXPECTED.json lists them
too (see HANDWRITTEN in sample_articles.py).
"""
import gzip
import hashlib
import html
import io
import json
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in scripts/
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sample_articles as A  # noqa: E402

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples")

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre"]
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def esc(s):
    return html.escape(s, quote=True)


def parts(iso):
    """'2026-11-02T07:42:00+01:00' -> (2026, 11, 2, 7, 42)."""
    d, t = iso[:10], iso[11:16] if len(iso) > 10 else "00:00"
    y, m, day = (int(x) for x in d.split("-"))
    hh, mm = (int(x) for x in t.split(":"))
    return y, m, day, hh, mm


def weekday(y, m, d):
    import datetime
    return DAYS[datetime.date(y, m, d).weekday()]


def fr_long(iso, with_day=False):
    y, m, d, _, _ = parts(iso)
    s = f"{'1er' if d == 1 else d} {MONTHS[m - 1]} {y}"
    return f"{weekday(y, m, d)} {s}" if with_day else s


def fr_hm(iso, sep=" h "):
    _, _, _, hh, mm = parts(iso)
    return f"{hh}{sep}{mm:02d}"


def fr_num(iso):
    y, m, d, _, _ = parts(iso)
    return f"{d:02d}/{m:02d}/{y}"


def blocks(body):
    """Article body markup: paragraphs separated by blank lines; '## ' heading; '> ' quote;
    '- ' list items (one per line)."""
    out = []
    for chunk in body.strip().split("\n\n"):
        chunk = " ".join(l.strip() for l in chunk.strip().split("\n")) if not chunk.lstrip().startswith("- ") \
            else chunk.strip()
        if chunk.startswith("## ") or chunk.startswith("### "):
            out.append(("h", chunk.split(" ", 1)[1]))
        elif chunk.startswith("> "):
            out.append(("q", chunk[2:]))
        elif chunk.startswith("- "):
            out.append(("l", [l.strip()[2:] for l in chunk.split("\n")]))
        else:
            out.append(("p", chunk))
    return out


def body_html(a, p_class="", ads=(), inline_related=None, h="h2"):
    """Body blocks as HTML; ads is a list of (after_block_index, html)."""
    ads = dict(ads)
    out = []
    pc = f' class="{p_class}"' if p_class else ""
    for i, (kind, text) in enumerate(blocks(a["body"])):
        if kind == "h":
            out.append(f"<{h}>{esc(text)}</{h}>")
        elif kind == "q":
            out.append(f"<blockquote><p>{esc(text)}</p></blockquote>")
        elif kind == "l":
            out.append("<ul>" + "".join(f"<li>{esc(x)}</li>" for x in text) + "</ul>")
        else:
            out.append(f"<p{pc}>{esc(text)}</p>")
        if i in ads:
            out.append(ads[i])
        if inline_related and i == 1:
            out.append(inline_related)
    return "\n  ".join(out)


def comment_tree(comments):
    kids = {}
    for c in comments:
        kids.setdefault(c[1], []).append(c)
    return kids


def paras(text):
    return "".join(f"<p>{esc(t)}</p>" for t in text.split("\n"))


# --------------------------------------------------------------------------------------------
# Site templates. Each takes an article dict and returns the page as str.

def site_wp(a):
    """Le Phare de l'Ouest: WordPress, Yoast-like JSON-LD graph, comment-list with depth-N."""
    url = a["url"]
    pub, mod = a["date"], a.get("modified", a["date"])
    author = a["authors"][0]
    slug = author.lower().replace(" ", "-").replace("é", "e").replace("è", "e").replace("ï", "i")
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "@id": "https://lephare-ouest.example/#website", "name": "Le Phare de l’Ouest",
         "inLanguage": "fr-FR"},
        {"@type": "Person", "@id": f"https://lephare-ouest.example/#/schema/person/{slug}", "name": author},
        {"@type": "NewsArticle", "@id": url + "#article", "headline": a["title"], "datePublished": pub,
         "dateModified": mod, "author": [{"@id": f"https://lephare-ouest.example/#/schema/person/{slug}"}],
         "publisher": {"@type": "NewsMediaOrganization", "name": "Le Phare de l’Ouest"},
         "articleSection": a.get("section", "Bretagne"), "inLanguage": "fr-FR"}]}
    ads = [(1, '<div class="ad ad-inread"><span class="ad-label">Publicité</span><p>' + esc(a.get("ad", "Menuiserie Kerjean, fenêtres alu et PVC, devis gratuit sous 48 h.")) + '</p></div>')]
    com = ""
    if a.get("comments"):
        kids = comment_tree(a["comments"])

        def render(cid_parent, depth):
            items = []
            for c in kids.get(cid_parent, []):
                cid, _, who, when, text = c
                sub = render(cid, depth + 1)
                par = " parent" if sub else ""
                items.append(f"""<li id="comment-{cid}" class="comment {'even' if depth % 2 else 'odd'} depth-{depth}{par}">
   <article id="div-comment-{cid}" class="comment-body">
    <footer class="comment-meta">
     <div class="comment-author vcard"><img alt="Avatar de {esc(who)}" src="/avatar/{cid % 7}.png" class="avatar avatar-56" height="56" width="56"><b class="fn">{esc(who)}</b> <span class="says">dit :</span></div>
     <div class="comment-metadata"><a href="#comment-{cid}"><time datetime="{when}:00+01:00">{fr_long(when)} à {fr_hm(when)}</time></a></div>
    </footer>
    <div class="comment-content">{paras(text)}</div>
    <div class="reply"><a rel="nofollow" class="comment-reply-link" href="#comment-{cid}">Répondre</a></div>
   </article>{'<ol class="children">' + sub + '</ol>' if sub else ''}
  </li>""")
            return "\n  ".join(items)

        n = len(a["comments"])
        com = f"""<div id="comments" class="comments-area">
 <h2 class="comments-title">{n} réponses à « {esc(a['title'])} »</h2>
 <ol class="comment-list">
  {render(None, 1)}
 </ol>
 <div id="respond" class="comment-respond">
  <h3 id="reply-title" class="comment-reply-title">Laisser un commentaire</h3>
  <form action="https://lephare-ouest.example/wp-comments-post.php" method="post" id="commentform" class="comment-form">
   <p class="comment-notes">Votre courriel reste confidentiel ; les champs suivis d'un astérisque sont requis.</p>
   <p class="comment-form-comment"><label for="comment">Commentaire *</label><textarea id="comment" name="comment" cols="45" rows="8" required></textarea></p>
   <p class="comment-form-author"><label for="author">Nom *</label><input id="author" name="author" type="text"></p>
   <p class="form-submit"><input name="submit" type="submit" id="submit" class="submit" value="Laisser un commentaire"></p>
  </form>
 </div>
</div>"""
    related = "".join(f'<li><a href="/{i}/">{esc(t)}</a></li>' for i, t in enumerate(a.get("related", [])))
    return f"""<!DOCTYPE html>
<html lang="fr-FR">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(a['title'])} | Le Phare de l&#8217;Ouest</title>
<meta name="description" content="{esc(a['standfirst'])}">
<link rel="canonical" href="{url}">
<meta property="og:locale" content="fr_FR">
<meta property="og:type" content="article">
<meta property="og:title" content="{esc(a['title'])}">
<meta property="og:url" content="{url}">
<meta property="og:site_name" content="Le Phare de l’Ouest">
<meta property="article:published_time" content="{pub}">
<meta property="article:modified_time" content="{mod}">
<meta name="author" content="{esc(author)}">
<script type="application/ld+json">
{json.dumps(graph, ensure_ascii=False)}
</script>
<link rel="stylesheet" href="/wp-content/themes/phare/style.css">
</head>
<body class="post-template-default single single-post single-format-standard">
<a class="skip-link screen-reader-text" href="#content">Aller au contenu</a>
<div id="cmplz-cookiebanner" class="cmplz-cookiebanner"><div class="cmplz-message">Nous utilisons des cookies pour mesurer l’audience et vous proposer des publicités adaptées. Vous pouvez accepter, refuser ou paramétrer vos choix à tout moment.</div><div class="cmplz-buttons"><button class="cmplz-accept">Tout accepter</button><button class="cmplz-deny">Continuer sans accepter</button></div></div>
<header id="masthead" class="site-header">
 <p class="site-title"><a href="/" rel="home">Le Phare de l’Ouest</a></p>
 <nav id="site-navigation" class="main-navigation">
  <ul id="primary-menu" class="menu">
   <li><a href="/finistere/">Finistère</a></li><li><a href="/morbihan/">Morbihan</a></li>
   <li><a href="/cotes-darmor/">Côtes-d’Armor</a></li><li><a href="/sports/">Sports</a></li>
   <li><a href="/faits-divers/">Faits divers</a></li><li><a href="/abonnement/">S’abonner</a></li>
  </ul>
 </nav>
</header>
<div class="ad ad-banner"><span class="ad-label">Publicité</span><a href="https://ads.example/click?id={len(url)}"><img src="/ads/banner.jpg" alt="{esc(a.get('banner', 'Cuisines Kerlann, -20 % sur toute la gamme'))}"></a></div>
<div id="content" class="site-content">
<main id="main" class="site-main">
<article class="post type-post status-publish format-standard category-{a.get('section', 'bretagne').lower()}">
 <header class="entry-header">
  <span class="cat-links"><a href="/{a.get('section', 'bretagne').lower()}/" rel="category tag">{esc(a.get('section', 'Bretagne'))}</a></span>
  <h1 class="entry-title">{esc(a['title'])}</h1>
  <div class="entry-meta">
   <span class="byline">Par <span class="author vcard"><a class="url fn n" href="/auteur/{slug}/">{esc(author)}</a></span></span>
   <span class="posted-on">Publié le <time class="entry-date published" datetime="{pub}">{fr_long(pub)} à {fr_hm(pub)}</time></span>
  </div>
 </header>
 <div class="share-bar">
  <span>Partager :</span>
  <a class="share-facebook" href="#">Facebook</a> <a class="share-x" href="#">X</a>
  <a class="share-whatsapp" href="#">WhatsApp</a> <a class="share-mail" href="#">E-mail</a>
 </div>
 <div class="entry-content">
  <p class="chapo"><strong>{esc(a['standfirst'])}</strong></p>
  {body_html(a, ads=ads)}
 </div>
 <footer class="entry-footer">
  <span class="tags-links">Mots-clés : {', '.join(f'<a href="/tag/{t}/" rel="tag">{esc(t)}</a>' for t in a.get('tags', []))}</span>
 </footer>
</article>
<section class="related-posts">
 <h3>À lire aussi</h3>
 <ul>{related}</ul>
</section>
{com}
</main>
<aside id="secondary" class="widget-area">
 <section class="widget widget_recent_entries"><h2 class="widget-title">Les plus lus</h2>
  <ul><li><a href="/brest-tramway/">Brest : la deuxième ligne de tramway en service</a></li>
  <li><a href="/foot-stade-brestois/">Football : Brest s’impose à Reims</a></li></ul></section>
 <div class="ad ad-sidebar"><span class="ad-label">Publicité</span><p>Garage Le Du, Carhaix — révision à partir de 129 €</p></div>
</aside>
</div>
<footer id="colophon" class="site-footer">
 <p>© 2026 Le Phare de l’Ouest — Mentions légales — Politique de confidentialité — Contact</p>
</footer>
</body>
</html>
"""


def site_disqus(a):
    """Actu Cornouaille: OpenGraph plus <meta name=date>, static copy of a Disqus thread."""
    kids = comment_tree(a.get("comments", []))

    def render(parent):
        items = []
        for cid, _, who, when, text in kids.get(parent, []):
            y, m, d, hh, mm = parts(when)
            sub = render(cid)
            items.append(f"""<li class="post" id="post-{cid}">
   <div role="article" class="post-content">
    <div class="avatar"><img alt="Avatar" src="/a/{cid % 5}.jpg"></div>
    <div class="post-body">
     <header class="comment__header">
      <span class="post-byline"><span class="author publisher-anchor-color"><a href="#">{esc(who)}</a></span></span>
      <span class="post-meta"><a class="time-ago" href="#comment-{cid}" title="{fr_long(when, True)} {hh:02d}:{mm:02d}">il y a {max(1, 22 - d)} jours</a></span>
     </header>
     <div class="post-body-inner"><div class="post-message">{paras(text)}</div></div>
     <footer class="comment__footer"><menu class="comment-footer__menu"><li class="voting"><a class="vote-up" href="#">{cid % 9}</a></li><li class="reply"><a href="#">Répondre</a></li></menu></footer>
    </div>
   </div>{'<ul class="children">' + sub + '</ul>' if sub else ''}
  </li>""")
        return "\n  ".join(items)

    pub = a["date"]
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>{esc(a['title'])} - Actu Cornouaille</title>
<meta property="og:title" content="{esc(a['title'])}">
<meta property="og:site_name" content="Actu Cornouaille">
<meta property="og:type" content="article">
<meta property="og:locale" content="fr_FR">
<meta name="date" content="{pub[:10]}">
<meta name="author" content="{esc(a['authors'][0])}">
</head>
<body>
<div class="topbar"><a href="/">Actu Cornouaille</a> · <a href="/quimper">Quimper</a> · <a href="/chateaulin">Châteaulin</a> · <a href="/douarnenez">Douarnenez</a> · <a href="/meteo">Météo</a></div>
<div class="pub">Publicité</div>
<div class="wrapper">
<div class="article-main">
 <div class="breadcrumb"><a href="/">Accueil</a> › <a href="/chateaulin">Châteaulin</a></div>
 <h1 class="headline">{esc(a['title'])}</h1>
 <div class="signature">Par <span class="auteur">{esc(a['authors'][0])}</span> — le {fr_num(pub)} à {fr_hm(pub, 'h')}</div>
 <div class="social"><a href="#">Partager sur Facebook</a> <a href="#">Partager sur LinkedIn</a> <a href="#">Copier le lien</a></div>
 <div class="texte">
  <p><b>{esc(a['standfirst'])}</b></p>
  {body_html(a, ads=[(2, '<div class="pub">Publicité</div>')])}
 </div>
 <div class="encart-newsletter">Recevez chaque matin l'essentiel de l'actualité de Cornouaille. <a href="/newsletter">Je m'inscris</a></div>
 <div class="voir-aussi"><h3>Sur le même sujet</h3>
  {' '.join(f'<a href="/chateaulin/{i}">{esc(t)}</a>' for i, t in enumerate(a.get('related', [])))}</div>
</div>
<div id="disqus_thread">
 <div class="thread-header"><span class="comment-count">{len(a.get('comments', []))} commentaires</span> · <a href="#">Trier par les plus récents</a></div>
 <ul id="post-list" class="post-list">
  {render(None)}
 </ul>
</div>
</div>
<div class="footer">Actu Cornouaille · 12 rue Fictive, 29000 Quimper · <a href="/cgu">CGU</a> · <a href="/cookies">Cookies</a></div>
</body>
</html>
"""


def site_jsonld(a, site="Le Courrier du Rhône", host="courrier-rhone.example", ad_texts=None):
    """A modern news site: one JSON-LD NewsArticle, cookie banner, ad slots, comment section."""
    pub, mod = a["date"], a.get("modified", a["date"])
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
          "description": a["standfirst"], "datePublished": pub, "dateModified": mod,
          "author": [{"@type": "Person", "name": n} for n in a["authors"]],
          "publisher": {"@type": "Organization", "name": site,
                        "logo": {"@type": "ImageObject", "url": f"https://{host}/logo.png"}},
          "mainEntityOfPage": {"@type": "WebPage", "@id": a["url"]}, "inLanguage": "fr"}
    if a.get("credit"):
        ld["sourceOrganization"] = {"@type": "NewsMediaOrganization", "name": a["credit"]}
    ad_texts = ad_texts or a.get("ads") or ["Offre spéciale : abonnez-vous pour 1 € le premier mois",
                                            "Résidence seniors Les Tilleuls, visites sur rendez-vous"]
    inread = f'<div class="ad-slot ad-slot--inread" data-slot="inread"><span class="ad-slot__label">Publicité</span><p>{esc(ad_texts[1])}</p></div>'
    lire = ""
    if a.get("related"):
        lire = ('<aside class="read-also"><span>Lire aussi</span> <a href="/r0">' + esc(a["related"][0]) + "</a></aside>")
    com = ""
    if a.get("comments"):
        kids = comment_tree(a["comments"])

        def render(parent):
            out = []
            for cid, _, who, when, text in kids.get(parent, []):
                sub = render(cid)
                out.append(f"""<div class="comment" id="c{cid}">
   <div class="comment__author">{esc(who)}</div>
   <time class="comment-date" datetime="{when}:00+01:00">le {fr_num(when)} à {fr_hm(when, 'h')}</time>
   <div class="comment__text">{paras(text)}</div>
   <div class="comment-actions"><a href="#">Répondre</a> <a href="#">Signaler</a></div>
   {'<div class="comment-replies">' + sub + '</div>' if sub else ''}
  </div>""")
            return "\n  ".join(out)

        com = f"""<section class="comments-section" id="commentaires">
 <h2>Réactions ({len(a['comments'])})</h2>
 <p class="comments-rules">Les commentaires sont modérés a posteriori. Merci de rester courtois.</p>
  {render(None)}
 <form class="comment-form" action="/commentaires/poster" method="post"><label>Votre réaction</label><textarea name="texte"></textarea><button>Publier</button></form>
</section>"""
    most_read = "".join(f"<li><a href=\"/p{i}\">{esc(t)}</a></li>" for i, t in enumerate(a.get("most_read", [
        "Météo : un week-end doux avant le retour du froid", "Immobilier : les prix reculent encore dans l’agglomération",
        "Faits divers : un entrepôt détruit par un incendie"])))
    kicker = a.get("section", "Actualité")
    return f"""<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(a['title'])} – {esc(site)}</title>
<link rel="canonical" href="{a['url']}">
<meta name="description" content="{esc(a['standfirst'])}">
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"page_type": "article"}});</script>
</head>
<body class="page-article">
<div id="cookie-banner" class="cookie-consent" role="dialog"><p>{esc(site)} et ses 214 partenaires stockent des informations sur votre appareil (cookies) pour mesurer l’audience, personnaliser les contenus et les publicités. <button>Accepter et fermer</button> <button>Refuser</button> <a href="/cookies">Paramétrer les cookies</a></p></div>
<header class="site-header"><a class="site-header__logo" href="/">{esc(site)}</a>
 <nav class="site-nav"><ul><li><a href="/actualite">Actualité</a></li><li><a href="/politique">Politique</a></li><li><a href="/economie">Économie</a></li><li><a href="/sports">Sports</a></li><li><a href="/culture">Culture</a></li><li><a href="/abonnement">Je m’abonne</a></li></ul></nav></header>
<div class="ad-slot ad-slot--top" data-slot="leaderboard"><span class="ad-slot__label">Publicité</span><p>{esc(ad_texts[0])}</p></div>
<main class="main">
<article class="article">
 <p class="article__kicker">{esc(kicker)}</p>
 <h1 class="article__title">{esc(a['title'])}</h1>
 <p class="article__lead">{esc(a['standfirst'])}</p>
 <div class="article__meta"><span class="article__author">Par {' et '.join(esc(n) for n in a['authors'])}</span> · <time datetime="{pub}">Publié le {fr_num(pub)} à {fr_hm(pub, 'h')}</time>{f' · <span class="article__credit">avec {esc(a["credit"])}</span>' if a.get('credit') else ''}</div>
 <ul class="share-buttons"><li><a href="#">Facebook</a></li><li><a href="#">X</a></li><li><a href="#">LinkedIn</a></li><li><a href="#">Copier le lien</a></li></ul>
 <div class="article__body">
  {body_html(a, ads=[(2, inread)], inline_related=lire)}
  {f'<p class="article__correction"><em>{esc(a["correction"])}</em></p>' if a.get('correction') else ''}
 </div>
 <div class="article__tags">{' '.join(f'<a class="tag" href="/tag/{i}">{esc(t)}</a>' for i, t in enumerate(a.get('tags', [])))}</div>
</article>
{com}
<section class="most-read"><h2>Les plus lus</h2><ol>{most_read}</ol></section>
</main>
<footer class="site-footer"><p>© 2026 {esc(site)} · <a href="/mentions-legales">Mentions légales</a> · <a href="/cgv">CGV</a> · <a href="/contact">Nous contacter</a></p></footer>
</body>
</html>
"""


def site_og(a, ad_texts=None):
    """Normandie Matin: OpenGraph only (no JSON-LD), comments in a 'reactions' block."""
    pub = a["date"]
    ad_texts = ad_texts or a.get("ads") or ["Cabinet Lemaître, expertise comptable au Havre", "Soldes d’hiver chez Meubles Duval, jusqu’à -50 %"]
    com = ""
    if a.get("comments"):
        kids = comment_tree(a["comments"])

        def render(parent):
            out = []
            for cid, _, who, when, text in kids.get(parent, []):
                sub = render(cid)
                out.append(f"""<div class="commentaire" id="commentaire-{cid}">
  <p class="comment-author"><strong>{esc(who)}</strong></p><p class="comment-date">{fr_long(when)} à {fr_hm(when, 'h')}</p>
  <div class="comment-text">{paras(text)}</div>
  {'<div class="replies">' + sub + '</div>' if sub else ''}
 </div>""")
            return "\n ".join(out)

        com = f"""<div id="reactions"><h3>{len(a['comments'])} réactions</h3>
 {render(None)}
 <p class="comment-form"><a href="/connexion">Connectez-vous pour réagir</a></p>
</div>"""
    byline = a.get("byline") or ", ".join(a["authors"])
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>{esc(a['title'])} | Normandie Matin</title>
<meta property="og:type" content="article">
<meta property="og:title" content="{esc(a['title'])}">
<meta property="og:description" content="{esc(a['standfirst'])}">
<meta property="og:url" content="{a['url']}">
<meta property="og:site_name" content="Normandie Matin">
<meta property="og:image" content="https://normandie-matin.example/img/{len(a['url'])}.jpg">
<meta property="article:published_time" content="{pub}">
<meta property="article:section" content="{esc(a.get('section', 'Normandie'))}">
<meta property="article:author" content="{esc(', '.join(a['authors']))}">
</head>
<body>
<div class="rgpd-banner">En poursuivant votre navigation sur ce site, vous acceptez l’utilisation de cookies pour vous proposer des contenus et services adaptés. <a href="/rgpd">En savoir plus</a> <a href="#" class="ok">J’accepte</a></div>
<div id="header"><div class="logo"><a href="/">Normandie Matin</a></div><ul class="menu"><li><a href="/le-havre">Le Havre</a></li><li><a href="/rouen">Rouen</a></li><li><a href="/caen">Caen</a></li><li><a href="/economie">Économie</a></li><li><a href="/sport">Sport</a></li></ul></div>
<div class="banniere-pub"><small>Publicité</small><br>{esc(ad_texts[0])}</div>
<div id="page">
 <div id="contenu">
  <div class="fil-ariane"><a href="/">Accueil</a> &gt; <a href="/{a.get('section', 'normandie').lower()}">{esc(a.get('section', 'Normandie'))}</a></div>
  <h1>{esc(a['title'])}</h1>
  <div class="infos"><span class="auteur">{esc(byline)}</span> | <span class="date">{fr_long(pub, True).capitalize()}, {fr_hm(pub, 'h')}</span></div>
  <div class="partage">Partager cet article : <a href="#">Facebook</a> · <a href="#">X</a> · <a href="#">Mail</a> · <a href="#">Imprimer</a></div>
  <div class="corps">
   <p class="chapeau">{esc(a['standfirst'])}</p>
   {body_html(a, ads=[(3, '<div class="pub-milieu"><small>Publicité</small><br>' + esc(ad_texts[1]) + '</div>')])}
  </div>
  <div class="a-lire"><h4>À lire également</h4><ul>{''.join(f'<li><a href="/l{i}">{esc(t)}</a></li>' for i, t in enumerate(a.get('related', [])))}</ul></div>
  {com}
 </div>
 <div id="colonne"><div class="bloc-pub"><small>Publicité</small> Normandie Matin numérique : 30 jours offerts</div><div class="bloc-meteo">Météo au Havre : 9 °C, averses</div></div>
</div>
<div id="footer">Normandie Matin © 2026 · Tous droits réservés · <a href="/cgu">Conditions d’utilisation</a></div>
</body>
</html>
"""


def site_minimal(a):
    """Le Fil des Monts: hand-made HTML, no metadata but <title>; date and author in the text."""
    pub = a["date"]
    body = body_html(a, h="h3")
    return f"""<html>
<head>
<meta charset="utf-8">
<title>{esc(a['title'])}</title>
<link rel="stylesheet" href="/style.css">
</head>
<body>
<div id="top"><a href="/">Le Fil des Monts</a> — l’actualité du Puy-de-Dôme</div>
<div class="cookies">Ce site utilise des cookies. <a href="/cookies.html">OK</a></div>
<div id="menu"><a href="/">Accueil</a> | <a href="/clermont/">Clermont</a> | <a href="/region/">Région</a> | <a href="/france/">France</a> | <a href="/sport/">Sport</a></div>
<h1>{esc(a['title'])}</h1>
<p class="date">Publié le {fr_long(pub, True)} à {fr_hm(pub, 'h')}</p>
<p><b>{esc(a['standfirst'])}</b></p>
{body}
<p class="signature">{esc(a.get('byline') or ', '.join(a['authors']))}</p>
<div class="pub">Publicité : Boulangerie des Salins, pain au levain cuit au feu de bois, ouvert le dimanche.</div>
<p class="retour"><a href="/">Retour à l’accueil</a> | <a href="#top">Haut de page</a></p>
<p class="copyright">Le Fil des Monts, 2026. Reproduction interdite sans autorisation.</p>
</body>
</html>
"""


def site_estuaire(a):
    """L'Écho de l'Estuaire: an old table layout in ISO-8859-15 (no curly apostrophes there)."""
    pub = a["date"]
    y, m, d, hh, mm = parts(pub)
    body = body_html(a, h="h3").replace("<h3>", '<h3><font color="#003366">').replace("</h3>", "</font></h3>")
    reactions = ""
    if a.get("comments"):
        rows = "".join(
            f'<tr><td class="reaction"><div class="comment"><span class="comment-author">{esc(who)}</span> '
            f'<span class="comment-date">le {fr_num(when)} à {fr_hm(when, "h")}</span>'
            f'<div class="comment-text">{paras(text)}</div></div></td></tr>\n'
            for _, _, who, when, text in a["comments"])
        reactions = f'<table width="100%" id="comments" class="comments"><tr><td><b>Vos réactions</b></td></tr>\n{rows}</table>'
    page = f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-15">
<title>L'Echo de l'Estuaire - {esc(a['title'])}</title>
<meta name="keywords" content="Le Havre, port, estuaire, Seine, actualité">
</head>
<body bgcolor="#f4f4ee" leftmargin="0" topmargin="0">
<table width="900" align="center" cellpadding="0" cellspacing="0">
<tr><td colspan="2" class="entete"><a href="/index.php"><b>L'Écho de l'Estuaire</b></a> - le quotidien en ligne du Havre et de la Pointe de Caux</td></tr>
<tr><td colspan="2" class="menu"><a href="/index.php">Accueil</a> - <a href="/rubrique.php?id=2">Port</a> - <a href="/rubrique.php?id=3">Ville</a> - <a href="/rubrique.php?id=4">Sports</a> - <a href="/annonces.php">Annonces</a></td></tr>
<tr>
<td width="680" valign="top" class="texte">
<font face="Arial" size="2">
<h1>{esc(a['title'])}</h1>
<p class="date">Le Havre, le {d:02d}/{m:02d}/{y} - {hh:02d}h{mm:02d}</p>
<p><i>{esc(a['standfirst'])}</i></p>
{body}
<p class="auteur">{esc(', '.join(a['authors']))}</p>
</font>
{reactions}
</td>
<td width="220" valign="top" class="droite">
<p class="pub">PUBLICITE<br>Auto-école de la Porte Océane - Code en 15 jours</p>
<p><b>Derniers articles</b><br>{'<br>'.join(esc(t) for t in a.get('related', []))}</p>
</td>
</tr>
<tr><td colspan="2" class="pied">Copyright L'Echo de l'Estuaire 2026 - Contact : redaction@echo-estuaire.example</td></tr>
</table>
</body>
</html>
"""
    return page.replace("’", "'").replace("—", "-").replace("…", "...")


def site_porzay(a):
    """La Voix du Porzay: the weekly's old table layout, in windows-1252 (as elus-aulne-latin1.html)."""
    pub = a["date"]
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
<title>{esc(a['title'])} - La Voix du Porzay</title>
<meta name="description" content="{esc(a['standfirst'])}">
<meta name="author" content="{esc(a['authors'][0])}">
<meta name="dc.date" content="{pub[:10]}">
</head>
<body bgcolor="#ffffff">
<table width="100%" class="bandeau"><tr><td><a href="/">La Voix du Porzay</a></td><td>Hebdomadaire d'information locale</td><td><a href="/abonnement.html">Abonnement</a> | <a href="/archives.html">Archives</a></td></tr></table>
<table width="100%"><tr>
<td class="menu" width="20%" valign="top">
 <a href="/">Accueil</a><br><a href="/porzay.html">Porzay</a><br><a href="/aulne.html">Vallée de l'Aulne</a><br><a href="/agenda.html">Agenda</a><br><a href="/annonces.html">Petites annonces</a>
</td>
<td class="article" valign="top">
 <h1>{esc(a['title'])}</h1>
 <p class="auteur">Par {esc(a['authors'][0])}, {fr_long(pub, True)}</p>
 <p><i>{esc(a['standfirst'])}</i></p>
 {body_html(a)}
 <p class="annonce">Publicité — {esc(a.get('ad', 'Électricité générale Le Gall, dépannage 7 j/7, Châteaulin, 02 98 00 00 00'))}</p>
</td>
<td class="colonne" width="20%" valign="top">
 <b>Petites annonces</b><br>Vends bois de chauffage sec, 80 € la corde, secteur Dinéault.<br>Donne chatons contre bons soins, Plomodiern.
</td>
</tr></table>
<p class="pied">© La Voix du Porzay — Tous droits réservés — Reproduction interdite</p>
</body>
</html>
"""


def text_page(a, photo=None, classifieds=True):
    """A page flattened into lines, like a copy-paste of the page (the seeds look like this)."""
    out = [a["title"], "", a["standfirst"], ""]
    if a.get("dateline"):
        out += [a["dateline"], ""]
    if photo:
        out += [photo, ""]
    for i, (kind, text) in enumerate(blocks(a["body"])):
        if kind == "l":
            out += ["  • " + x for x in text] + [""]
        elif kind == "q":
            out += [f"« {text} »" if not text.startswith("«") else text, ""]
        else:
            out += [text, ""]
        if i == 1:
            out += ["Publicité", ""]
    out += ["Partager.", ""]
    if a.get("comments"):
        out += [f"{len(a['comments'])} réponses", ""]
        kids = comment_tree(a["comments"])

        def render(parent, depth):
            for n, (cid, _, who, when, text) in enumerate(kids.get(parent, []), 1):
                ind = "  " * depth
                out.extend([f"{ind}{n}. Avatar de {who}", f"{ind}{who}", ""])
                for line in text.split("\n"):
                    out.append(f"{ind}{line}")
                out.append("")
                render(cid, depth + 1)

        render(None, 1)
        out += ["Laisser un commentaire", "",
                "Votre courriel reste confidentiel ; les champs suivis d'un astérisque sont requis.", ""]
    if classifieds:
        out += ["Publicité"]
    return "\n".join(out) + "\n"


TEMPLATES = {"wp": site_wp, "disqus": site_disqus, "jsonld": site_jsonld, "og": site_og,
             "minimal": site_minimal, "estuaire": site_estuaire, "porzay": site_porzay}
ENCODING = {"estuaire": "iso-8859-15", "porzay": "windows-1252"}


def render(a):
    if a["format"] == "txt":
        return text_page(a, photo=a.get("photo")).encode("utf-8")
    fn = TEMPLATES[a["site"]]
    if a["site"] == "jsonld" and a.get("jsonld_site"):
        page = fn(a, site=a["jsonld_site"], host=a["jsonld_host"])
    else:
        page = fn(a)
    return page.encode(ENCODING.get(a["site"], "utf-8"))


# --------------------------------------------------------------------------------------------
# Containers.

def warc_record(rtype, uri, date, payload, rec_no, content_type):
    rid = hashlib.sha1(f"{uri}|{date}|{rec_no}".encode()).hexdigest()
    uid = f"{rid[:8]}-{rid[8:12]}-{rid[12:16]}-{rid[16:20]}-{rid[20:32]}"
    head = [f"WARC/1.1", f"WARC-Type: {rtype}", f"WARC-Record-ID: <urn:uuid:{uid}>", f"WARC-Date: {date}"]
    if uri:
        head.append(f"WARC-Target-URI: {uri}")
    head += [f"Content-Type: {content_type}", f"Content-Length: {len(payload)}"]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + payload + b"\r\n\r\n"


def gzip_member(data):
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as g:
        g.write(data)
    return buf.getvalue()


def write_warc(path, entries):
    """entries: (url, crawl date 'YYYY-MM-DDThh:mm:ssZ', html bytes). One gzip member per record,
    as Common Crawl writes them; a warcinfo record first and a request record before each response."""
    out = [gzip_member(warc_record("warcinfo", None, "2026-11-21T03:00:00Z",
                                   b"software: veille make_samples.py\r\nformat: WARC File Format 1.1\r\n"
                                   b"description: sample crawl written for the veille project\r\n", 0,
                                   "application/warc-fields"))]
    for n, (url, date, page) in enumerate(entries, 1):
        host = url.split("/")[2]
        path_ = "/" + "/".join(url.split("/")[3:])
        req = f"GET {path_} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: veille-sample-crawler/1.0\r\n\r\n".encode()
        out.append(gzip_member(warc_record("request", url, date, req, 2 * n, "application/http; msgtype=request")))
        http = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {len(page)}\r\n"
                f"Server: nginx\r\n\r\n").encode() + page
        out.append(gzip_member(warc_record("response", url, date, http, 2 * n + 1, "application/http; msgtype=response")))
    with open(path, "wb") as f:
        f.write(b"".join(out))


def site_name(a):
    return a.get("site_label") or a.get("jsonld_site") or A.SITE_NAMES[a["site"]]


def page_entry(a, source, authors=None):
    """The EXPECTED.json entry of one page. "toxic_comments" are 1-based positions in page order
    (the ids `veille extract` gives); comments are listed in page order in sample_articles.py."""
    comments = a.get("comments", [])
    toxic = [n for n, c in enumerate(comments, 1) if c[0] in A.TOXIC.get(a["key"], [])]
    return {"source": source, "story": a["story"], "site": site_name(a), "url": a.get("url"),
            "published": a["date"][:10], "title": a["title"],
            "authors": a["authors"] if authors is None else authors,
            "comments": len(comments), "toxic_comments": toxic}


def main():
    os.makedirs(ROOT, exist_ok=True)
    expected = {"pages": [], "duplicate_groups": A.DUPLICATE_GROUPS, "threads": A.THREADS,
                "stories": A.STORIES, "bad": [],
                "known_issues": A.KNOWN_ISSUES}
    written = []
    by_key = {a["key"]: a for a in A.ARTICLES}
    for a in A.ARTICLES:
        if a["format"] in ("warc", "jsonl"):
            continue
        rel = a["path"]
        path = os.path.join(ROOT, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(render(a))
        written.append(rel)
    for h in A.HANDWRITTEN:
        expected["pages"].append(h)
    for a in A.ARTICLES:
        if a["format"] in ("warc", "jsonl"):
            continue
        expected["pages"].append(page_entry(a, a["path"]))
    # WARC: several response records (the record number is the order of pages in the file, as
    # `veille extract` names them: path#1, path#2...).
    for container in A.CONTAINERS:
        rel = container["path"]
        path = os.path.join(ROOT, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        if container["format"] == "warc":
            entries = []
            for n, (key, crawl) in enumerate(container["records"], 1):
                a = by_key[key]
                entries.append((a["url"], crawl, render(dict(a, format="html"))))
                # `veille extract` numbers every WARC record: warcinfo is #1, then request and
                # response records alternate, so the n-th response is record 2n + 1.
                expected["pages"].append(page_entry(a, f"{rel}#{2 * n + 1}"))
            write_warc(path, entries)
        else:
            lines = []
            for n, (key, kind) in enumerate(container["records"], 1):
                a = by_key[key]
                obj = {"url": a["url"], "date": a["date"]}
                if kind == "html":
                    obj["html"] = render(dict(a, format="html")).decode("utf-8")
                else:
                    obj["text"] = text_page(a, classifieds=False)
                lines.append(json.dumps(obj, ensure_ascii=False))
                expected["pages"].append(page_entry(a, f"{rel}#{n}", a["authors"] if kind == "html" else []))
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
        written.append(rel)
    for bad in A.BAD:
        path = os.path.join(ROOT, bad["source"])
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(A.bad_content(bad["source"]))
        expected["bad"].append(bad)
        written.append(bad["source"])
    with open(os.path.join(ROOT, "EXPECTED.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print(f"make_samples: wrote {len(written)} files and samples/EXPECTED.json "
          f"({len(expected['pages'])} good pages, {len(expected['bad'])} bad)")


if __name__ == "__main__":
    main()
