"""The sample articles of veille, written for the project (invented stories, people, sites and
agency; real places). Rendered into samples/ by scripts/make_samples.py. "Now" is November 2026.

Each article: key, story (a key of STORIES), site (a template of make_samples.py), format
(html | txt | warc | jsonl: the last two are records of a container in CONTAINERS), path, url,
date (published, ISO 8601), authors, title, standfirst, body (blank-line separated paragraphs;
'## ' heading, '> ' quotation block, '- ' list items), optional comments
[(id, parent id or None, author, 'YYYY-MM-DDThh:mm', text)], related titles, tags, ads.
"""

SITE_NAMES = {
    "garonne": "Le Journal de la Garonne",
    "wp": "Le Phare de l’Ouest", "disqus": "Actu Cornouaille", "porzay": "La Voix du Porzay",
    "jsonld": "Le Courrier du Rhône", "hexagone": "Hexagone Quotidien", "og": "Normandie Matin",
    "minimal": "Le Fil des Monts", "estuaire": "L’Écho de l’Estuaire", "txt": "(flattened text)",
}

ARTICLES = []


def art(**kw):
    kw.setdefault("format", "html")
    ARTICLES.append(kw)
    return kw


# ============================================================================================
# Story thread 1: the Aulne flood (Finistère). The flood and the decrue (hand-written pages),
# the mayors' demands (hand-written), the compensation debate, the council vote.

art(key="aulne-indemnisation-wp", story="aulne-indemnisation", site="wp",
    path="html/phare-ouest-aulne-catnat-assureurs.html",
    url="https://lephare-ouest.example/2026/11/13/aulne-catastrophe-naturelle-assureurs/",
    date="2026-11-13T06:45:00+01:00", modified="2026-11-13T09:20:00+01:00",
    authors=["Morgane Le Bihan"], section="Finistère", tags=["inondations", "Aulne", "assurances"],
    title="Crue de l’Aulne : l’état de catastrophe naturelle reconnu, les sinistrés pressent les assureurs",
    standfirst="L’arrêté de reconnaissance a été publié jeudi au Journal officiel pour Châteaulin, Port-Launay et "
               "Saint-Coulitz. Les sinistrés ont désormais trente jours pour déclarer leurs dommages, mais beaucoup "
               "redoutent des franchises trop lourdes.",
    ad="Déshumidificateurs en location à Quimper, 35 € par jour, livraison dans tout le Finistère.",
    banner="Assurance habitation Armor Mutuelle : devis en ligne en trois minutes",
    related=["Crue de l’Aulne : Châteaulin sous les eaux, la RN164 coupée",
             "Aulne : les élus réclament un plan de prévention des crues",
             "Catastrophe naturelle : les cinq étapes pour être indemnisé"],
    body="""
Onze jours après la crue qui a envahi les quais de Châteaulin dans la nuit du 1er au 2 novembre, l’arrêté tant
attendu est enfin tombé. Publié jeudi 12 novembre au Journal officiel, il reconnaît l’état de catastrophe naturelle
pour trois communes de la vallée de l’Aulne : Châteaulin, Port-Launay et Saint-Coulitz. Pleyben, où une vingtaine de
caves ont pourtant été inondées, ne figure pas dans la liste.

« C’est une première étape, et elle est arrivée plus vite qu’en 2014 », a reconnu la maire de Châteaulin, Annick
Le Scao, jointe jeudi soir. « Mais le plus dur commence pour les familles : il faut maintenant que les assureurs
passent, et vite. »

## Trente jours pour déclarer les dommages

La publication de l’arrêté ouvre un délai de trente jours pendant lequel les sinistrés doivent déclarer leurs
dommages à leur assureur, s’ils ne l’ont pas déjà fait. Les contrats multirisques habitation couvrent alors les
biens endommagés, mais une franchise légale de 380 euros reste à la charge des particuliers. Pour les commerçants
et les artisans, elle atteint 10 % du montant des dommages, avec un minimum de 1 140 euros.

C’est ce dernier chiffre qui fait bondir les commerçants du quai Robert-Alba. Selon l’association des commerçants
de Châteaulin, une quinzaine de boutiques ont été touchées, dont six ne pourront pas rouvrir avant la fin de
l’année. « Entre la franchise, la perte d’exploitation et les stocks jetés, certains vont perdre l’équivalent de
trois mois de chiffre d’affaires », estime son président, Gildas Morvan, qui tient un magasin de cycles au bord de
l’eau.

## Des experts débordés

Sur le terrain, les experts mandatés par les compagnies ne suffisent pas. Jean-Yves Quéméner, le boulanger du quai,
attend toujours leur visite. « On m’a donné un rendez-vous pour le 27 novembre. En attendant, je ne peux pas changer
mon four, puisqu’il faut qu’ils le voient », a-t-il expliqué mercredi, devant sa vitrine recouverte de papier kraft.

La Fédération française de l’assurance assure que des renforts ont été envoyés depuis Rennes et Nantes, et que les
dossiers les plus urgents, ceux des familles relogées, seront traités en priorité. Selon la préfecture du Finistère,
près de 240 déclarations avaient déjà été enregistrées mardi.

> Les sinistrés qui ont besoin d’une avance peuvent la demander dès maintenant : rien ne l’interdit dans le contrat.

Le conseil départemental, de son côté, a rappelé que son fonds de solidarité pouvait aider les ménages modestes à
payer la franchise. La commune de Châteaulin, elle, doit examiner jeudi 19 novembre la création d’un fonds d’urgence
destiné aux commerçants, une mesure que réclame l’opposition municipale depuis la première semaine.
""",
    comments=[
        (18201, None, "Soizic", "2026-11-13T07:58",
         "Enfin ! Trente jours, c’est court quand on a encore les pieds dans la boue.\nPensez à photographier tout ce que vous jetez."),
        (18203, 18201, "Hervé K.", "2026-11-13T08:40",
         "Très bon conseil. Mon assureur m’a demandé les factures de meubles achetés il y a quinze ans…"),
        (18207, 18203, "Soizic", "2026-11-13T09:02",
         "Les photos suffisent en général, et les relevés de carte bancaire aussi."),
        (18210, None, "pleyben29", "2026-11-13T09:15",
         "Et Pleyben alors ? Vingt caves inondées et rien. On est les oubliés de la vallée."),
        (18214, 18210, "Loïc Derrien", "2026-11-13T10:31",
         "La mairie peut déposer une demande complémentaire, ça s’est fait à Landerneau en 2021."),
        (18219, None, "Ker_Aulne", "2026-11-13T11:47",
         "Les assureurs encaissent toute l’année et quand il faut payer ils envoient un expert dans trois semaines. Bande de c0nn@rds."),
        (18222, 18219, "Maïwenn", "2026-11-13T12:05",
         "On peut être en colère sans insulter les gens, les experts font ce qu’ils peuvent."),
        (18226, None, "vieuxmarin", "2026-11-13T13:20",
         "Quelle m***e pour les commerçants du quai, le vélociste venait juste de refaire son magasin."),
    ])

art(key="aulne-indemnisation-disqus", story="aulne-indemnisation", site="disqus",
    path="html/actu-cornouaille-aulne-commercants-fonds.html",
    url=None, date="2026-11-14T17:30:00+01:00",
    authors=["Erwan Caradec"],
    title="Sinistrés de l'Aulne : les commerçants de Châteaulin réclament un fonds d'urgence",
    standfirst="Franchises élevées, pertes d'exploitation, experts en retard : réunis vendredi soir, une trentaine de "
               "commerçants des quais demandent à la ville et à la région une aide immédiate, sans attendre les "
               "indemnités des assureurs.",
    related=["Inondations dans le Finistère : la décrue s'amorce, les habitants font les comptes",
             "Catastrophe naturelle : trois communes de l'Aulne reconnues"],
    body="""
La salle du conseil de la maison des associations était trop petite, vendredi soir. Une trentaine de commerçants et
d'artisans de Châteaulin sont venus dire leur inquiétude, deux jours après la reconnaissance de l'état de
catastrophe naturelle. Ils ne contestent pas l'arrêté, publié jeudi au Journal officiel, mais le temps qu'il faudra
pour être payés.

« Les assureurs nous parlent de trois à six mois. Moi, j'ai des fournisseurs à régler le 30 novembre », a lancé
Nolwenn Kerhervé, qui tient une boutique de vêtements rue de la Fontaine. Son magasin a pris quarante centimètres
d'eau. Elle a tout jeté : le stock de la saison d'hiver, les présentoirs, la caisse enregistreuse.

## Une franchise qui pèse lourd

Pour les professionnels, la franchise légale représente 10 % des dommages, avec un minimum de 1 140 euros. À cela
s'ajoute la perte d'exploitation, qui n'est couverte que si le contrat le prévoit expressément. Selon un
recensement de l'association des commerçants, quinze boutiques sur les quais ont subi des dégâts, pour un montant
estimé à 1,3 million d'euros.

Son président, Gildas Morvan, a présenté une demande en trois points : un fonds d'urgence municipal pour avancer
les frais les plus pressants, l'exonération de la taxe sur les enseignes pour l'année 2027 et une aide de la région
Bretagne pour les commerces qui devront fermer plus de six semaines. « Nous ne demandons pas la charité, nous
demandons de pouvoir tenir jusqu'au printemps », a-t-il résumé.

## La mairie prépare un vote

Présente dans la salle, l'adjointe au commerce, Catherine Prigent, a confirmé qu'un fonds d'urgence serait soumis
au conseil municipal du jeudi 19 novembre. Son montant n'est pas arrêté. « Nous regardons ce que la commune peut
mettre sans augmenter les impôts, et ce que la région peut apporter », a-t-elle précisé, en évoquant une enveloppe
« de plusieurs centaines de milliers d'euros ».

L'opposition municipale, elle, juge la réponse trop lente. Son chef de file, Yann Cornec, a rappelé qu'il avait
proposé un tel fonds dès le 5 novembre. « Chaque semaine perdue, c'est un commerce de plus qui ne rouvrira pas »,
a-t-il déclaré à la sortie de la réunion.

Du côté de la chambre de commerce et d'industrie, on indique qu'une cellule d'accompagnement a été ouverte à
Quimper pour aider les entreprises à monter leurs dossiers. Elle a déjà reçu une quarantaine de demandes, venues
de toute la vallée.
""",
    comments=[
        (7750101, None, "Marie-Annick", "2026-11-14T18:42",
         "Soutien total à Nolwenn et aux autres. Allons acheter chez eux dès qu'ils rouvrent."),
        (7750133, 7750101, "yannick.b", "2026-11-14T19:10",
         "Oui, et pas sur internet pour une fois."),
        (7750160, None, "Ronan G.", "2026-11-14T21:03",
         "Le fonds municipal, c'est nous qui le paierons avec nos impôts, qu'on ne se raconte pas d'histoires."),
        (7750188, 7750160, "Gwen_29", "2026-11-15T08:12",
         "Et laisser fermer la moitié du centre-ville, ça coûtera combien à la commune ?"),
    ])

art(key="aulne-conseil-wp", story="aulne-conseil", site="wp",
    path="html/phare-ouest-chateaulin-fonds-vote.html",
    url="https://lephare-ouest.example/2026/11/19/chateaulin-fonds-urgence-sinistres-vote/",
    date="2026-11-19T23:10:00+01:00",
    authors=["Tangi Riou"], section="Finistère", tags=["Châteaulin", "conseil municipal", "Aulne"],
    title="Châteaulin : le fonds d’urgence pour les sinistrés de l’Aulne voté par le conseil municipal",
    standfirst="Réuni jeudi soir, le conseil municipal a adopté un fonds de 250 000 euros pour les commerçants et les "
               "familles touchés par la crue du 2 novembre. L’opposition s’est abstenue, jugeant l’enveloppe trop "
               "modeste.",
    ad="Cuisines Kerlann : -20 % sur toute la gamme jusqu’au 30 novembre.",
    related=["Crue de l’Aulne : l’état de catastrophe naturelle reconnu, les sinistrés pressent les assureurs",
             "Port-Launay : la digue fragilisée par la crue sera inspectée"],
    body="""
Le vote a eu lieu peu avant 22 heures, jeudi 19 novembre, après plus de deux heures de débat. Par vingt-deux voix
pour et sept abstentions, le conseil municipal de Châteaulin a créé un fonds d’urgence de 250 000 euros destiné aux
victimes de la crue de l’Aulne, qui avait envahi les quais dans la nuit du 1er au 2 novembre.

Le dispositif prévoit deux volets. Les commerçants et artisans dont le local a été inondé pourront recevoir une
avance remboursable de 5 000 à 15 000 euros, sans intérêts, en attendant les indemnités de leur assureur. Les
familles aux revenus modestes recevront, elles, une aide directe de 500 euros pour payer la franchise de leur
assurance habitation.

## « Une commune ne peut pas remplacer les assureurs »

« Nous avons construit ce fonds avec ce que la commune peut réellement mobiliser, sans toucher aux impôts locaux »,
a déclaré la maire, Annick Le Scao, en ouverture de séance. « Une commune ne peut pas remplacer les assureurs, mais
elle peut empêcher qu’un commerce ferme en attendant leur chèque. » La somme sera prise sur les réserves de la
commune et sur le report de travaux de voirie prévus en 2027.

La région Bretagne doit compléter le dispositif. Selon l’adjointe au commerce, Catherine Prigent, la vice-présidente
régionale chargée de l’économie a promis, lors d’un appel mardi, une aide « du même ordre » pour les entreprises qui
resteront fermées plus de six semaines. Aucun engagement écrit n’a cependant été transmis à la mairie.

## L’opposition s’abstient

Le groupe d’opposition Châteaulin Demain a voté l’abstention. Son chef de file, Yann Cornec, a salué « un premier
pas », tout en jugeant l’enveloppe « calibrée pour les photos plutôt que pour les besoins ». Il rappelle que
l’association des commerçants évalue les dégâts à 1,3 million d’euros sur les seuls quais. « Avec 250 000 euros,
on aide une boutique sur deux, et on le fait trois semaines trop tard », a-t-il ajouté.

Dans le public, une quarantaine de personnes ont suivi les débats. Gildas Morvan, le président des commerçants, s’est
dit « soulagé mais pas rassuré ». Les premiers versements sont annoncés pour le 1er décembre ; les dossiers peuvent
être déposés dès lundi à l’accueil de la mairie.

Le conseil a également voté une motion demandant à l’État d’accélérer la révision du plan de prévention des risques
d’inondation, réclamée par les maires de la vallée réunis à Pleyben le 7 novembre.
""",
    comments=[
        (18702, None, "Gwen_29", "2026-11-20T07:15",
         "Bien joué. Dommage que ça ait pris trois semaines."),
        (18705, None, "contribuable_fatigué", "2026-11-20T08:02",
         "250 000 € pris sur la voirie, donc nos rues resteront pleines de trous en 2027. Merci qui ?"),
        (18709, 18705, "Maïwenn", "2026-11-20T08:30",
         "Des trous dans la route ou des vitrines fermées sur les quais, il fallait choisir."),
        (18711, 18709, "contribuable_fatigué", "2026-11-20T09:12",
         "Je ne dis pas le contraire, je dis juste qu’on aurait pu faire les deux avec l’aide de la région."),
    ])

art(key="aulne-conseil-porzay", story="aulne-conseil", site="porzay",
    path="html/voix-porzay-conseil-fonds-aulne.html",
    url=None, date="2026-11-21T08:00:00+01:00",
    authors=["Thérèse Guéguen"],
    title="Conseil municipal : 250 000 euros pour les sinistrés de la crue",
    standfirst="Jeudi soir, les élus de Châteaulin ont voté un fonds d'urgence pour les commerçants et les familles "
               "touchés par la crue de l'Aulne. Les dossiers sont à déposer en mairie dès lundi.",
    ad="Entreprise Le Floch, assèchement des murs après dégât des eaux, devis gratuit, 02 98 00 00 01",
    body="""
Le conseil municipal de Châteaulin s'est réuni jeudi 19 novembre dans une salle comble. À l'ordre du jour, un seul
point occupait les esprits : le fonds d'urgence promis aux victimes de la crue qui a touché la ville dans la nuit du
1er au 2 novembre. Il a été adopté par vingt-deux voix et sept abstentions, celles du groupe d'opposition.

## Ce que prévoit le fonds

Le fonds est doté de 250 000 euros. Les commerces et les ateliers inondés pourront obtenir une avance sans intérêts,
de 5 000 à 15 000 euros selon les dégâts, remboursable sur trois ans une fois l'indemnité de l'assurance perçue. Les
ménages modestes recevront une aide de 500 euros pour couvrir la franchise de leur contrat d'habitation.

Les dossiers sont à retirer et à déposer à l'accueil de la mairie à partir du lundi 23 novembre, avec une
attestation de déclaration de sinistre et un justificatif de domicile. Les premiers versements sont prévus le
1er décembre. Une permanence sera tenue le samedi matin jusqu'à Noël pour ceux qui travaillent en semaine.

## Un débat animé

La maire, Annick Le Scao, a défendu un dispositif « à la mesure des moyens de la commune ». Elle a rappelé que la
ville avait déjà engagé 80 000 euros depuis la crue pour le nettoyage, les bennes et l'hébergement d'urgence à la
salle de Penn ar Roz. « Personne ne sera laissé seul devant son dossier », a-t-elle assuré.

Pour Yann Cornec, chef de file de l'opposition, le compte n'y est pas. « Les dégâts des commerces du quai dépassent
le million d'euros. Ce fonds est un pansement », a-t-il estimé, en demandant que la commune sollicite aussi le
département. La majorité a répondu qu'une demande avait été envoyée au conseil départemental le 16 novembre.

Les élus ont enfin adopté, à l'unanimité, une motion de soutien aux maires de la vallée, qui réclament depuis leur
réunion du 7 novembre à Pleyben la révision du plan de prévention des risques d'inondation. La sous-préfète doit
réunir les services de l'État sur le sujet avant la mi-décembre.

Au premier rang du public, Jean-Yves Quéméner, le boulanger du quai Robert-Alba, a suivi les débats jusqu'au bout.
Son four a été remplacé la semaine dernière, avant même le passage de l'expert. « J'ai avancé l'argent. Ce fonds,
c'est pour ceux qui ne peuvent pas le faire », confiait-il à la sortie.
""")

# ============================================================================================
# Story thread 2: the dockers' strike at Le Havre. The strike starts (an agency dispatch of the
# invented agency APH on three sites, plus a local report), the blockade, the agreement.

PORT_DISPATCH = """
Les dockers du port du Havre ont cessé le travail jeudi 5 novembre à 6 heures, à l’appel de l’intersyndicale des
ports et docks, pour protester contre le projet d’automatisation du terminal Porte Océane 2. Selon les syndicats,
ce projet menace près de 300 emplois de manutention d’ici à 2030.

Dès l’aube, une centaine de grévistes se sont rassemblés devant l’entrée du terminal de France, où plusieurs
porte-conteneurs attendaient d’être déchargés. Aucun navire n’avait été traité en milieu de matinée, d’après la
capitainerie. « Nous ne sommes pas contre la modernisation, nous sommes contre un plan décidé sans nous », a déclaré
Stéphane Mauduit, secrétaire général du syndicat des dockers, devant les grilles du terminal.

## Un investissement de 420 millions d’euros

Le projet, présenté en septembre par la direction du port et un groupement d’opérateurs privés, prévoit de
confier à des portiques pilotés à distance et à des véhicules autonomes une partie des opérations de chargement.
Son coût est estimé à 420 millions d’euros, dont un tiers d’argent public. Ses promoteurs font valoir que les
grands ports concurrents d’Anvers et de Rotterdam ont déjà franchi le pas.

« Sans ce terminal, Le Havre perdra des escales au profit de l’Europe du Nord, et ce sont alors des milliers
d’emplois qui seront menacés », a fait valoir Patrice Lecoq, président du syndicat des entreprises de manutention
de l’estuaire, dans un communiqué publié jeudi matin. Il affirme que les reclassements seront « intégralement
financés ».

## Un mouvement reconductible

L’intersyndicale a annoncé un mouvement reconductible par périodes de quarante-huit heures. Une assemblée générale
doit se tenir samedi pour décider de la suite. Les syndicats réclament un moratoire sur le projet et l’ouverture de
négociations sous l’égide de l’État.

Le ministère chargé des Transports a indiqué suivre la situation « avec la plus grande attention » et appelé les
parties au dialogue. Selon l’Union des transporteurs routiers de Normandie, plus de 400 camions étaient bloqués
jeudi midi aux abords des terminaux.

Le port du Havre, premier port français pour les conteneurs, a traité l’an dernier près de trois millions de
conteneurs équivalent vingt pieds. Le dernier conflit d’ampleur, au printemps 2023, avait entraîné le déroutement
de plusieurs dizaines de navires vers les ports voisins.
"""

art(key="port-greve-hexagone", story="port-greve", site="jsonld", jsonld_site="Hexagone Quotidien",
    jsonld_host="hexagone-quotidien.example",
    path="html/hexagone-quotidien-havre-greve-dockers.html",
    url="https://hexagone-quotidien.example/economie/2026/11/05/le-havre-greve-dockers-automatisation",
    date="2026-11-05T11:42:00+01:00", authors=["Hexagone Quotidien"], credit="APH",
    section="Économie", tags=["Le Havre", "ports", "grève"],
    ads=["Banque Solidor : votre prêt immobilier à taux fixe", "Salon de l’auto d’occasion, Paris Expo, 13-15 novembre"],
    most_read=["Carburants : les prix repartent à la hausse", "Retraites : ce qui change au 1er janvier",
               "SNCF : le trafic perturbé ce week-end sur l’axe Paris-Lyon"],
    related=["Ports : Anvers et Rotterdam accélèrent leur automatisation"],
    title="Le Havre : les dockers en grève contre l’automatisation d’un terminal",
    standfirst="Les dockers du premier port à conteneurs français ont cessé le travail jeudi matin. Ils dénoncent un "
               "projet de terminal automatisé qui menacerait près de 300 emplois.",
    body=PORT_DISPATCH)

# The same dispatch on a regional site: a different headline, a local sentence added, one figure
# made precise, the last paragraph cut.
_nm = PORT_DISPATCH.replace(
    "Dès l’aube, une centaine de grévistes",
    "Dès l’aube, une centaine de grévistes, gilets orange sur le dos,").replace(
    "plus de 400 camions étaient bloqués\njeudi midi aux abords des terminaux.",
    "plus de 400 camions étaient bloqués\njeudi midi aux abords des terminaux. Sur le boulevard de Léningrad, la circulation était très\nralentie en début d’après-midi.")
_nm = _nm[:_nm.index("Le port du Havre, premier port")].rstrip() + "\n"
art(key="port-greve-normandie", story="port-greve", site="og",
    path="html/normandie-matin-greve-port-havre.html",
    url="https://normandie-matin.example/le-havre/greve-des-dockers-le-port-du-havre-a-l-arret-2026-11-05",
    date="2026-11-05T12:05:00+01:00", authors=["Normandie Matin avec APH"], section="Économie",
    title="Grève des dockers : le port du Havre à l’arrêt",
    standfirst="L’intersyndicale des ports et docks a lancé jeudi un mouvement reconductible contre le projet "
               "d’automatisation du terminal Porte Océane 2.",
    related=["Porte Océane 2 : ce que prévoit le projet de terminal automatisé", "Le Havre : le trafic de conteneurs en hausse de 4 %"],
    body=_nm,
    comments=[
        (501, None, "Caux_vert", "2026-11-05T12:40", "Encore une grève, et ce sont les transporteurs qui trinquent."),
        (502, 501, "docker76", "2026-11-05T13:02", "Quand on vous remplacera par un robot, vous trouverez peut-être ça moins drôle."),
        (503, None, "Sandrine L.", "2026-11-05T14:15", "300 emplois, c’est 300 familles au Havre. Soutien aux dockers."),
    ])

# The same dispatch on a small site: shorter (two paragraphs cut), a typo fixed, credited to APH.
_fm = PORT_DISPATCH.replace("""« Sans ce terminal, Le Havre perdra des escales au profit de l’Europe du Nord, et ce sont alors des milliers
d’emplois qui seront menacés », a fait valoir Patrice Lecoq, président du syndicat des entreprises de manutention
de l’estuaire, dans un communiqué publié jeudi matin. Il affirme que les reclassements seront « intégralement
financés ».

""", "").replace("## Un investissement de 420 millions d’euros", "## 420 millions d’euros en jeu")
art(key="port-greve-fildesmonts", story="port-greve", site="minimal",
    path="html/fil-des-monts-france-greve-havre.html",
    url="https://fildesmonts.example/france/2026/11/05/greve-havre.html",
    date="2026-11-05T14:30:00+01:00", authors=["APH"], byline="Le Fil des Monts, avec APH",
    title="Grève au port du Havre : les dockers contre le terminal automatisé",
    standfirst="Les dockers du Havre ont cessé le travail jeudi à l’appel de l’intersyndicale, qui dénonce un projet "
               "menaçant près de 300 emplois.",
    body=_fm)

art(key="port-greve-estuaire", story="port-greve", site="estuaire",
    path="html/echo-estuaire-greve-terminal-de-france.html",
    url="https://echo-estuaire.example/article.php?id=88412",
    date="2026-11-05T19:15:00+01:00", authors=["Julien Vasseur"],
    title="Au terminal de France, une première journée de grève sans un seul conteneur",
    standfirst="Devant les grilles du terminal, les dockers ont tenu le piquet de grève toute la journée de jeudi. "
               "Ils promettent de revenir samedi, après l'assemblée générale.",
    related=["Porte Océane 2 : le projet présenté aux élus", "Conseil municipal : le budget du port en débat",
             "Handball : le HAC s'impose à Rouen"],
    body="""
Il est 6 heures, jeudi 5 novembre, quand les premières palettes s'enflamment dans les braseros, à l'entrée du
terminal de France. Le vent qui remonte de l'estuaire est glacial, mais personne ne quitte le piquet. Une centaine
de dockers sont là, certains venus en famille. Sur une banderole tendue entre deux grilles, on lit : « Porte
Océane 2, pas sans nous ».

Thierry Lemonnier, 52 ans, travaille sur les quais depuis trente et un ans. Il a connu la réforme de 1992 et celle
de 2011. « À chaque fois, on nous a promis que personne ne resterait sur le carreau. Cette fois, on veut le voir
écrit », explique-t-il, les mains tendues vers le feu. Son fils, embauché l'an dernier comme cariste, est à côté
de lui. « C'est surtout pour lui que je suis là », ajoute-t-il.

## Les camions à l'arrêt

Sur le boulevard de Léningrad, la file de poids lourds s'allonge au fil des heures. Certains chauffeurs attendent
depuis la veille au soir. Mickaël Dufresne, qui livre des pièces automobiles vers la région lyonnaise, a dormi dans
sa cabine. « Je comprends les gars, mais moi je ne suis pas payé tant que je ne charge pas », soupire-t-il.

En fin de matinée, Stéphane Mauduit, secrétaire général du syndicat des dockers, a pris la parole au mégaphone. Il
a annoncé que le mouvement serait reconduit par périodes de quarante-huit heures et qu'une assemblée générale se
tiendrait samedi à la Maison des syndicats. « Ils ont mis deux ans à préparer ce projet dans leur coin. Nous
prendrons le temps qu'il faudra », a-t-il lancé sous les applaudissements.

## La direction veut rassurer

Contactée, la direction du port rappelle que le projet prévoit un plan de formation de 18 millions d'euros et
qu'aucun licenciement n'est envisagé. Selon Claire Hautot, directrice générale déléguée, « les départs seront
compensés par des reconversions vers la maintenance et le pilotage à distance des engins ». Les syndicats jugent
ces garanties insuffisantes tant qu'elles ne figurent pas dans un accord signé.

À 19 heures, aucun des six porte-conteneurs attendus dans la journée n'avait accosté. Deux d'entre eux mouillaient
en baie de Seine, en attendant une éclaircie sociale que personne, jeudi soir, ne voyait venir.
""",
    comments=[
        (1, None, "Francois76", "2026-11-05T20:02", "Courage aux dockers, le port c'est l'âme du Havre."),
        (2, None, "Lucie_H", "2026-11-05T21:30", "Mon mari est routier et il est bloqué depuis hier soir. Pensez aussi à eux."),
    ])


art(key="port-blocage-normandie", story="port-blocage", site="og",
    path="html/normandie-matin-port-havre-navires-deroutes.html",
    url="https://normandie-matin.example/le-havre/port-du-havre-les-navires-deroutes-vers-anvers-2026-11-11",
    date="2026-11-11T18:20:00+01:00", authors=["Aurélie Fauvel"], section="Économie",
    title="Port du Havre : après une semaine de grève, les armateurs déroutent leurs navires vers Anvers",
    standfirst="Les négociations ouvertes lundi à la préfecture ont échoué mardi soir. Trois grands armateurs ont "
               "annoncé mercredi qu’ils détournaient leurs escales vers l’Europe du Nord.",
    related=["Grève des dockers : le port du Havre à l’arrêt", "Porte Océane 2 : ce que prévoit le projet"],
    ads=["Concession Renault Graville : reprise de votre véhicule +2 000 €", "Normandie Matin : l’offre numérique à 1 € le premier mois"],
    body="""
Le port du Havre s’enfonce dans le conflit. Au septième jour de la grève des dockers, commencée le jeudi 5 novembre,
trois des principaux armateurs mondiaux ont annoncé mercredi qu’ils déroutaient leurs porte-conteneurs vers Anvers
et Rotterdam. Selon la capitainerie, dix-sept navires attendaient mercredi soir en baie de Seine ou avaient déjà
changé de cap.

La décision est tombée au lendemain de l’échec de la réunion organisée à la préfecture de la Seine-Maritime. Après
neuf heures de discussions, mardi, l’intersyndicale et le syndicat des entreprises de manutention se sont séparés
sans accord, chacun rejetant sur l’autre la responsabilité de la rupture.

## Le moratoire, point de blocage

Les syndicats demandent un moratoire de deux ans sur le projet de terminal automatisé Porte Océane 2, le temps de
négocier un accord sur l’emploi. La direction du port et les opérateurs proposent, eux, un accord de méthode, une
garantie d’emploi pour les dockers en poste et un calendrier de travaux inchangé.

« On nous propose de discuter de la couleur des rideaux une fois la maison construite », a ironisé Stéphane
Mauduit, secrétaire général du syndicat des dockers, à la sortie de la préfecture. Pour Patrice Lecoq, président
du syndicat des entreprises de manutention de l’estuaire, au contraire, « un moratoire de deux ans, c’est la mort
du projet, et ce sont les syndicats qui le savent le mieux ».

## L’économie locale s’inquiète

Dans les entreprises de logistique de la zone industrialo-portuaire, l’inquiétude monte. Plusieurs entrepôts ont
placé une partie de leurs salariés en chômage partiel, faute de marchandises à traiter. Selon la chambre de
commerce et d’industrie, chaque journée de blocage coûte plusieurs millions d’euros à l’économie havraise.

Le maire du Havre, Rodolphe Quesnel, a appelé mercredi l’État à nommer un médiateur. « Le Havre ne peut pas se
permettre de perdre ses lignes régulières : quand un armateur part, il ne revient pas tout de suite », a-t-il
averti lors d’un point presse à l’hôtel de ville. Le ministère chargé des Transports a indiqué qu’une décision
serait prise « dans les prochaines heures ».

L’assemblée générale des dockers, réunie mercredi midi, a voté la reconduction du mouvement jusqu’à samedi. Un
rassemblement est prévu jeudi matin devant la sous-préfecture, avec le soutien des salariés de la raffinerie de
Gonfreville-l’Orcher.
""",
    comments=[
        (611, None, "Caux_vert", "2026-11-11T18:55", "Voilà, les navires partent à Anvers. Bravo les génies."),
        (612, 611, "docker76", "2026-11-11T19:20", "Les navires reviendront. Les emplois supprimés, eux, ne reviendront jamais."),
        (613, 612, "Caux_vert", "2026-11-11T19:41", "Ferme-la, esp3ce de parasite, on paie tes grèves depuis trente ans."),
        (614, None, "Marc Hébert", "2026-11-11T20:30", "Un médiateur, enfin une idée raisonnable. Il était temps."),
        (615, None, "Lucie_H", "2026-11-12T07:10", "Mon entreprise a mis tout l’entrepôt en chômage partiel hier. On attend."),
    ])

art(key="port-blocage-txt", story="port-blocage", site="txt", format="txt",
    path="text/port_havre_mediateur.txt", url=None, date="2026-11-12T16:00:00+01:00", authors=["Aurélie Fauvel"],
    dateline="Par Aurélie Fauvel, publié le jeudi 12 novembre 2026 à 16 h 00",
    photo="Des porte-conteneurs au mouillage en baie de Seine ( Photo : Aurélien Prat)",
    title="Grève au port du Havre : l’État nomme un médiateur",
    standfirst="Le ministère chargé des Transports a désigné jeudi un médiateur pour renouer le dialogue entre les "
               "dockers et les entreprises de manutention, au huitième jour d’un conflit qui pèse sur toute la "
               "chaîne logistique.",
    body="""
Le gouvernement a fini par s’en mêler. Jeudi 12 novembre, le ministère chargé des Transports a nommé un médiateur
dans le conflit qui paralyse le port du Havre depuis le 5 novembre. Il s’agit d’Hervé Bossard, ancien inspecteur
général des affaires maritimes, qui avait déjà conduit la médiation du port de Marseille en 2019. Il doit réunir
les deux parties dès vendredi.

La veille, trois grands armateurs avaient annoncé le déroutement de leurs navires vers Anvers et Rotterdam. Selon
la capitainerie, une vingtaine de porte-conteneurs ont désormais renoncé à leur escale havraise. « Chaque jour qui
passe, nous perdons des clients que nous avons mis dix ans à convaincre », a déploré Claire Hautot, directrice
générale déléguée du port, dans un entretien à la radio locale.

Un rassemblement devant la sous-préfecture

Jeudi matin, près de huit cents personnes se sont rassemblées devant la sous-préfecture, à l’appel de
l’intersyndicale. Des salariés de la raffinerie de Gonfreville-l’Orcher et des agents portuaires de Rouen étaient
venus en soutien. Stéphane Mauduit, secrétaire général du syndicat des dockers, a salué la nomination du médiateur
comme « une première victoire », tout en prévenant que la grève ne serait pas levée « avant un texte signé ».

Du côté des entreprises, le ton est plus prudent. Patrice Lecoq, président du syndicat des entreprises de
manutention de l’estuaire, s’est dit prêt à « examiner toutes les propositions », à l’exception d’un moratoire
qui gèlerait le chantier du terminal Porte Océane 2, dont les premiers appels d’offres doivent être lancés en
janvier.

Les transporteurs à bout

Sur les parkings de la zone portuaire, les chauffeurs routiers s’impatientent. L’Union des transporteurs routiers
de Normandie estime que plus de mille camions sont immobilisés chaque jour, et réclame des indemnisations.
Plusieurs chargeurs ont commencé à faire passer leurs marchandises par Dunkerque ou par Zeebruges.

Le médiateur a annoncé qu’il rencontrerait séparément chaque organisation avant une réunion plénière prévue
lundi 16 novembre. Il s’est donné « une semaine pour trouver un chemin ».
""",
    comments=[
        (1, None, "Gégé du Havre", "2026-11-12T16:40", "Un médiateur, c’est bien, mais ça fait huit jours qu’on attend."),
        (2, 1, "Nath76", "2026-11-12T17:05", "Mieux vaut tard que jamais. En 2019 à Marseille ça avait marché."),
        (3, None, "routier_normand", "2026-11-12T18:22", "Mille camions par jour, et personne ne parle de nous. Trois nuits dans la cabine."),
    ])

art(key="port-accord-hexagone", story="port-accord", site="jsonld", jsonld_site="Hexagone Quotidien",
    jsonld_host="hexagone-quotidien.example",
    path="html/hexagone-quotidien-havre-accord-dockers.html",
    url="https://hexagone-quotidien.example/economie/2026/11/17/le-havre-accord-fin-greve-dockers",
    date="2026-11-17T21:05:00+01:00", authors=["Camille Roussel"], section="Économie",
    tags=["Le Havre", "ports", "syndicats"],
    ads=["Banque Solidor : votre prêt immobilier à taux fixe", "Croisières fluviales sur la Seine : -15 % en décembre"],
    most_read=["Carburants : les prix repartent à la hausse", "Budget 2027 : le Sénat adopte la première partie",
               "Météo : premières gelées attendues dans le Nord-Est"],
    related=["Le Havre : les dockers en grève contre l’automatisation d’un terminal"],
    title="Port du Havre : un accord signé, les dockers reprennent le travail après treize jours de grève",
    standfirst="Sous l’égide du médiateur nommé par l’État, syndicats et entreprises de manutention ont signé mardi "
               "un accord qui garantit l’emploi des dockers et étale dans le temps l’automatisation du terminal "
               "Porte Océane 2.",
    body="""
Le conflit qui paralysait le premier port à conteneurs français depuis le 5 novembre a pris fin mardi 17 novembre.
Après une dernière séance de négociation de quatorze heures, l’intersyndicale des ports et docks et le syndicat des
entreprises de manutention de l’estuaire ont signé, peu après 19 heures, un accord préparé par le médiateur Hervé
Bossard. Le travail doit reprendre mercredi à 6 heures.

L’accord ne remet pas en cause le projet de terminal automatisé Porte Océane 2, mais il en modifie le calendrier et
les conditions. L’automatisation se fera en trois phases au lieu d’une, jusqu’en 2033, et chaque phase sera
précédée d’un bilan sur l’emploi présenté aux syndicats.

## Ce que contient l’accord

- aucun licenciement économique de docker en poste jusqu’en 2035 ;
- 24 millions d’euros pour la formation aux métiers de la maintenance et du pilotage à distance, contre 18 millions prévus ;
- un comité de suivi paritaire réuni tous les six mois ;
- le paiement de la moitié des jours de grève, étalé sur trois mois.

« Nous n’avons pas obtenu le moratoire, mais nous avons obtenu ce que le moratoire devait protéger : les
emplois », a déclaré Stéphane Mauduit, secrétaire général du syndicat des dockers, devant la Maison des syndicats.
L’assemblée générale a approuvé le texte à main levée, avec une large majorité.

## Un port à reconquérir

Côté patronal, Patrice Lecoq a salué « un accord responsable qui permet au Havre de rester dans la course ». Le
président du syndicat des entreprises de manutention reconnaît toutefois que les treize jours de grève laisseront
des traces. Selon la direction du port, une trentaine d’escales ont été détournées vers Anvers, Rotterdam ou
Dunkerque, et certaines lignes ne reviendront pas avant plusieurs semaines.

« Il va falloir aller rechercher nos clients un par un », a reconnu Claire Hautot, directrice générale déléguée du
port, qui doit se rendre dès la semaine prochaine au siège de deux armateurs. Le maire du Havre, Rodolphe Quesnel,
a salué de son côté « le sens des responsabilités de chacun » et remercié le médiateur.

Le ministre chargé des Transports a annoncé qu’il se rendrait au Havre vendredi 20 novembre pour rencontrer les
signataires. L’État doit confirmer à cette occasion sa part du financement du terminal, soit 140 millions d’euros.
""")

art(key="port-accord-estuaire", story="port-accord", site="estuaire",
    path="html/echo-estuaire-reprise-travail-quais.html",
    url="https://echo-estuaire.example/article.php?id=88597",
    date="2026-11-18T12:30:00+01:00", authors=["Julien Vasseur"],
    title="Sur les quais, la reprise du travail entre soulagement et amertume",
    standfirst="Mercredi matin, les portiques du terminal de France se sont remis en mouvement. Les dockers ont repris "
               "le travail, satisfaits des garanties obtenues mais inquiets pour l'avenir du port.",
    related=["Port du Havre : un accord signé après treize jours de grève", "Football : le HAC tient le nul à Lens"],
    body="""
À 6 heures pile, mercredi 18 novembre, le premier portique du terminal de France a soulevé un conteneur rouge du
Helena Maersk, à quai depuis la veille au soir. Sur le parking, les braseros ont disparu, et les banderoles ont été
roulées et rangées dans le local syndical. Après treize jours de grève, les dockers du Havre ont repris le travail.

Thierry Lemonnier était déjà là à 5 h 30, comme avant le conflit. « On a tenu, et on a obtenu des garanties
écrites. Pour moi c'est l'essentiel », résume-t-il en enfilant son casque. Son fils, jeune cariste, garde de la
grève un souvenir mêlé : « On a perdu deux semaines de salaire, même si la moitié sera payée. Mais je sais
maintenant que mon poste existera encore dans dix ans. »

## Des clients à reconquérir

Au siège de la capitainerie, l'ambiance est moins légère. Une trentaine d'escales ont été perdues pendant le
conflit, et le rattrapage s'annonce long. Selon un cadre du port, qui préfère rester anonyme, deux armateurs ont
déjà fait savoir qu'ils garderaient jusqu'en janvier une partie de leurs navires à Anvers. « Nous allons travailler
à pleine capacité pour vider les navires en attente, puis il faudra convaincre », explique-t-il.

Pour les transporteurs, la reprise est un soulagement. Mickaël Dufresne, le chauffeur qui avait dormi plusieurs
nuits dans sa cabine au début du mouvement, est revenu charger mercredi. « Ce matin, ça roule. On va rattraper le
retard, il y aura du travail tout le mois », sourit-il.

## Un comité de suivi dès décembre

L'accord signé mardi soir prévoit un comité de suivi paritaire dont la première réunion est fixée au 15 décembre.
Stéphane Mauduit, secrétaire général du syndicat des dockers, a prévenu qu'il serait « très attentif » au respect
du calendrier de formation. « La signature, c'est le début du travail, pas la fin », a-t-il déclaré mercredi matin
sur le piquet, avant d'aller lui-même reprendre son poste au terminal de l'Europe.

À la mi-journée, quatre navires avaient déjà été traités. Les opérateurs espèrent avoir résorbé le retard d'ici la
fin de la semaine prochaine.
""",
    comments=[
        (1, None, "Francois76", "2026-11-18T13:10", "Bravo à tous, le port revit. Maintenant il faut faire revenir les armateurs."),
        (2, None, "Havrais_de_coeur", "2026-11-18T14:45", "Treize jours de grève pour un accord qu'on aurait pu signer le premier jour. Quel g@chis, bande d'abrutis des deux côtés."),
    ])

# ============================================================================================
# Story thread 3: the trial of a former social-housing director in Bordeaux. Hearings (with a
# corrected version of one article at the same URL), then the judgment.

art(key="proces-ouverture-garonne", story="proces-audiences", site="jsonld", jsonld_site="Le Journal de la Garonne",
    jsonld_host="journal-garonne.example",
    path="html/journal-garonne-proces-logis-ouverture.html",
    url="https://journal-garonne.example/bordeaux/justice/proces-logis-de-la-garonne-castaing-favoritisme",
    date="2026-11-09T19:40:00+01:00", authors=["Inès Darrieux"], section="Justice",
    tags=["Bordeaux", "justice", "logement social"],
    ads=["Vignobles Lacoste : portes ouvertes les 21 et 22 novembre", "Mutuelle Girondine, devis santé gratuit"],
    most_read=["Rocade : travaux de nuit jusqu’à vendredi", "Rugby : l’UBB domine le Racing",
               "Tram : la ligne D prolongée en 2028"],
    related=["Logis de la Garonne : l’ancien directeur mis en examen"],
    title="Bordeaux : l’ancien directeur de Logis de la Garonne jugé pour favoritisme",
    standfirst="Bernard Castaing, qui a dirigé l’office public de logement social de 2012 à 2022, est soupçonné "
               "d’avoir orienté 14 millions d’euros de marchés vers l’entreprise d’un ami. Son procès s’est ouvert "
               "lundi devant le tribunal correctionnel.",
    body="""
Costume sombre et dossier sous le bras, Bernard Castaing est arrivé au tribunal judiciaire de Bordeaux peu avant
13 h 30, lundi 9 novembre, sans un mot pour les caméras. L’ancien directeur général de Logis de la Garonne, l’un
des principaux bailleurs sociaux de la métropole, comparaît jusqu’à jeudi pour favoritisme, prise illégale
d’intérêts et faux en écriture.

À ses côtés sur le banc des prévenus, Didier Sabourin, 61 ans, dirigeant de l’entreprise de travaux Sabourin BTP,
est poursuivi pour recel de favoritisme. Selon l’accusation, sa société a remporté entre 2016 et 2021 onze marchés
de rénovation de logements, pour un total de 14 millions d’euros, dans des conditions « faussées ».

## Des cahiers des charges taillés sur mesure

L’enquête, ouverte en 2022 après un signalement de la chambre régionale des comptes, a mis au jour des cahiers des
charges rédigés, selon les enquêteurs, « pour ne convenir qu’à une seule entreprise ». Des courriels saisis montrent
que Didier Sabourin recevait parfois les documents de consultation plusieurs semaines avant leur publication.

Interrogé par la présidente, Sophie Labarthe, Bernard Castaing a contesté toute faveur. « J’ai choisi les
entreprises qui travaillaient bien et vite. Les locataires attendaient leurs travaux depuis des années », a-t-il
affirmé. Il reconnaît une amitié ancienne avec Didier Sabourin, rencontré au club de rugby de Bègles, mais nie
qu’elle ait pesé sur ses décisions.

## Les locataires parties civiles

L’association des locataires de la cité du Grand-Parc s’est constituée partie civile. Son avocate, Me Claire
Etcheverry, entend montrer que certains chantiers ont été mal exécutés. « On a payé le prix fort pour des fenêtres
qui laissaient passer l’eau dès le premier hiver », a témoigné à la barre Fatima Benali, locataire depuis
vingt-cinq ans.

L’office Logis de la Garonne, lui aussi partie civile, réclame 2,3 millions d’euros de dommages et intérêts. Sa
directrice actuelle, arrivée en 2023, a fait réaliser un audit de l’ensemble des marchés passés pendant dix ans.

Les débats reprennent mardi avec l’audition des enquêteurs de la brigade financière. Après la pause du
11-Novembre, le parquet doit prendre ses réquisitions jeudi.
""",
    comments=[
        (1, None, "Bordeluche", "2026-11-09T20:15", "Dix ans à la tête d’un office public et personne n’a rien vu ? On se moque de nous."),
        (2, 1, "JP Mérignac", "2026-11-09T21:02", "La chambre régionale des comptes a vu, justement. C’est elle qui a donné l’alerte."),
        (3, None, "locataire_gp", "2026-11-10T07:48", "Je confirme pour les fenêtres. Chez nous il pleut dans la cuisine depuis 2019."),
    ])

art(key="proces-temoins-txt", story="proces-audiences", site="txt", format="txt",
    path="text/proces_bordeaux_enqueteurs.txt", url=None, date="2026-11-10T20:00:00+01:00", authors=[],
    photo="Le tribunal judiciaire de Bordeaux ( Photo : Lucas Bernadet)",
    title="Procès Logis de la Garonne : les enquêteurs racontent des marchés « joués d’avance »",
    standfirst="Au deuxième jour du procès de l’ancien directeur du bailleur social bordelais, les policiers de la "
               "brigade financière ont détaillé, mardi, les échanges entre Bernard Castaing et l’entrepreneur Didier Sabourin.",
    body="""
Pendant près de quatre heures, mardi 10 novembre, le commandant de police chargé de l’enquête a déroulé devant le
tribunal correctionnel de Bordeaux le fil de deux ans d’investigations. Tableaux de marchés, relevés téléphoniques,
courriels : selon lui, les onze marchés remportés par Sabourin BTP entre 2016 et 2021 étaient « joués d’avance ».

Le policier a projeté sur l’écran de la salle un courriel envoyé en mars 2018 par l’ancien directeur général de
Logis de la Garonne, Bernard Castaing, à l’entrepreneur Didier Sabourin. Il y joignait un projet de cahier des
charges, trois semaines avant sa publication officielle, avec ce simple mot : « Pour que tu ne sois pas pris de
court. » « Ce document n’a été envoyé à aucune autre entreprise », a précisé l’enquêteur.

Des explications contestées

Appelé à s’expliquer, Bernard Castaing a parlé d’une « maladresse ». « Je voulais m’assurer qu’une entreprise
locale serait capable de répondre. Je l’aurais fait pour n’importe qui », a-t-il assuré. La présidente, Sophie
Labarthe, lui a fait remarquer qu’aucun autre envoi de ce type n’avait été retrouvé dans sa messagerie.

La défense a contre-attaqué sur la qualité des chantiers. Pour Me Olivier Ferrand, avocat de Bernard Castaing, les
prix pratiqués par Sabourin BTP étaient « dans la moyenne du marché », comme l’a reconnu l’expert désigné par les
juges. « On reproche à mon client d’avoir été efficace. On cherche en vain l’enrichissement personnel », a plaidé
l’avocat lors d’une suspension.

Un séjour au Pays basque

L’audience s’est tendue en fin d’après-midi, lorsque le parquet a évoqué un séjour de quatre jours à Biarritz, en
2019, payé par l’entreprise de Didier Sabourin pour Bernard Castaing et son épouse. L’entrepreneur a parlé d’une
invitation « entre amis de trente ans ». L’ancien directeur a affirmé avoir remboursé sa part, sans pouvoir en
apporter la preuve.

Le procureur prendra ses réquisitions jeudi 12 novembre, après la pause du 11-Novembre. Le jugement pourrait être mis en délibéré.
""")

_req = dict(
    key="proces-requisitions-garonne", story="proces-audiences", site="jsonld", jsonld_site="Le Journal de la Garonne",
    jsonld_host="journal-garonne.example",
    path="html/journal-garonne-proces-logis-requisitions.html",
    url="https://journal-garonne.example/bordeaux/justice/proces-logis-de-la-garonne-requisitions",
    date="2026-11-12T18:05:00+01:00", authors=["Inès Darrieux"], section="Justice",
    tags=["Bordeaux", "justice", "logement social"],
    ads=["Vignobles Lacoste : portes ouvertes les 21 et 22 novembre", "Mutuelle Girondine, devis santé gratuit"],
    most_read=["Rocade : travaux de nuit jusqu’à vendredi", "Rugby : l’UBB domine le Racing",
               "Tram : la ligne D prolongée en 2028"],
    related=["Bordeaux : l’ancien directeur de Logis de la Garonne jugé pour favoritisme"],
    title="Procès Logis de la Garonne : dix-huit mois de prison requis contre l’ancien directeur",
    standfirst="Le parquet a requis jeudi dix-huit mois d’emprisonnement, 30 000 euros d’amende et cinq ans "
               "d’inéligibilité contre Bernard Castaing. Le jugement sera rendu le 20 novembre.",
    body="""
« Ce dossier n’est pas celui d’un homme qui s’est enrichi. C’est celui d’un homme qui a cru que les règles de la
commande publique ne s’appliquaient pas à lui. » C’est par ces mots que le procureur, Mathieu Lestrade, a ouvert
ses réquisitions, jeudi 12 novembre, au troisième jour d’audience du procès de l’ancien directeur général de Logis de la
Garonne devant le tribunal correctionnel de Bordeaux.

Contre Bernard Castaing, poursuivi pour favoritisme, prise illégale d’intérêts et faux en écriture, le parquet a
requis dix-huit mois d’emprisonnement ferme, 30 000 euros d’amende et cinq ans d’inéligibilité. Contre l’entrepreneur
Didier Sabourin, poursuivi pour recel de favoritisme, il a demandé un an d’emprisonnement avec sursis et 50 000
euros d’amende.

## « Un système, pas une maladresse »

Le procureur a balayé la thèse de la « maladresse » avancée mardi par le prévenu. « Un courriel peut être une
maladresse. Onze marchés en six ans, c’est un système », a-t-il lancé, en rappelant les documents transmis à
l’avance, le séjour à Biarritz et l’absence de mise en concurrence réelle pour quatre des chantiers.

Il a aussi insisté sur les conséquences pour les locataires. Selon l’expertise ordonnée par les juges, les travaux
de rénovation de deux résidences du Grand-Parc présentaient des malfaçons dont la reprise a coûté 1,1 million
d’euros à l’office.

## La défense plaide la relaxe

Pour Me Olivier Ferrand, avocat de Bernard Castaing, « le parquet juge une amitié, pas des faits ». Il a plaidé la
relaxe en soulignant que les prix obtenus étaient conformes au marché et que son client n’avait « pas touché un
euro ». L’avocat de Didier Sabourin, Me Jean-Baptiste Lafitte, a demandé au tribunal de tenir compte des deux cents
emplois de l’entreprise, « qui n’ont rien à voir avec ce dossier ».

Invité à s’exprimer en dernier, Bernard Castaing s’est tourné vers les locataires présents dans la salle. « Si
certains chantiers ont été mal faits, je le regrette sincèrement. Mais je n’ai jamais trahi l’office », a-t-il
déclaré d’une voix blanche.

Le tribunal, présidé par Sophie Labarthe, a mis sa décision en délibéré au vendredi 20 novembre.
""")
art(**_req)

# The same article corrected a day later, at the same URL: the sentence asked for was suspended,
# not firm. Title, standfirst and one paragraph change; a correction note is added.
_cor = dict(_req)
_cor.update(
    key="proces-requisitions-garonne-corrige",
    path="html/journal-garonne-proces-logis-requisitions-rectifie.html",
    modified="2026-11-13T10:30:00+01:00",
    title="Procès Logis de la Garonne : dix-huit mois avec sursis requis contre l’ancien directeur",
    standfirst="Le parquet a requis jeudi dix-huit mois d’emprisonnement avec sursis, 30 000 euros d’amende et "
               "cinq ans d’inéligibilité contre Bernard Castaing. Le jugement sera rendu le 20 novembre.",
    body=_req["body"].replace("dix-huit mois d’emprisonnement ferme,", "dix-huit mois d’emprisonnement avec sursis,"),
    correction="Rectificatif, vendredi 13 novembre : une première version de cet article indiquait par erreur que le "
               "parquet avait requis une peine ferme. La peine requise est assortie du sursis. Nous prions nos "
               "lecteurs de nous en excuser.",
)
art(**_cor)

# ============================================================================================
# Story thread 4: the Rhône greenway in Lyon (the hand-written text page is the first story).

_velo = dict(
    key="velo-lyon-courrier", story="velo-lyon-travaux", site="jsonld", format="warc",
    path=None,
    url="https://courrier-rhone.example/lyon/mobilites/voie-verte-rhone-fermeture-trois-mois-ville-a-velo",
    date="2026-11-10T06:30:00+01:00", authors=["Léa Martinon"], section="Lyon · Mobilités",
    tags=["Lyon", "vélo", "travaux"],
    ads=["Lyon Parc Auto : abonnement résident -30 % en décembre", "Cours de yoga à la Croix-Rousse, premier cours offert"],
    related=["Lyon : la voie verte le long du Rhône fermée trois mois pour travaux"],
    title="Voie verte du Rhône : trois mois de fermeture, les cyclistes craignent le détour par la rue de Marseille",
    standfirst="La métropole a confirmé lundi la fermeture de la piste des berges entre le pont Pasteur et Gerland "
               "à partir du 4 janvier. L’association Ville à vélo réclame une bande cyclable provisoire.",
    body="""
La nouvelle était attendue, elle est désormais officielle. La voie verte qui longe la rive gauche du Rhône sera
fermée du 4 janvier au début du mois d’avril entre le pont Pasteur et Gerland, a confirmé la métropole de Lyon
lundi 9 novembre. Le chantier, d’un coût de 4,2 millions d’euros, doit élargir la piste de trois à cinq mètres et
séparer les cyclistes des piétons sur deux kilomètres.

« C’est l’un des tronçons les plus fréquentés de la métropole, avec plus de 9 000 passages de vélos par jour. La
piste n’a tout simplement plus la taille de son trafic », a expliqué Nadia Belkacem, vice-présidente de la
métropole chargée des mobilités, lors d’une conférence de presse au bord du fleuve.

## Un itinéraire de délestage contesté

Pendant les travaux, les cyclistes seront déviés par l’avenue Jean-Jaurès et la rue de Marseille. C’est ce détour
qui inquiète. La rue de Marseille est étroite, empruntée par deux lignes de bus et par de nombreux camions de
livraison le matin. « On va envoyer des milliers de cyclistes, dont beaucoup d’enfants, au milieu des bus. C’est
dangereux », a estimé Julien Perret, président de l’association Ville à vélo.

L’association demande l’aménagement d’une bande cyclable provisoire, séparée par des balises, sur toute la longueur
du détour. Elle a lancé une pétition, qui avait recueilli près de 3 000 signatures mardi matin. Julien Perret
rappelle qu’une telle bande avait été installée en 2021 sur les quais de Saône, « en quinze jours et pour un coût
modeste ».

## La métropole « étudie » la demande

Nadia Belkacem dit ne pas fermer la porte. « Nous étudions la faisabilité d’une bande provisoire avec les services
de la ville et les transports en commun. Si c’est possible, nous le ferons », a-t-elle affirmé, en promettant une
réponse avant la réunion publique du 26 novembre à la mairie du 7e arrondissement.

Les commerçants des quais, eux, restent partagés. Certains craignent de perdre la clientèle de passage pendant trois
mois, d’autres attendent avec impatience un aménagement plus confortable pour les terrasses. Le gérant d’une
guinguette proche du pont de la Guillotière, Karim Zeroual, se veut optimiste : « Trois mois d’hiver, ce n’est pas
la saison la plus chargée. Si la piste est belle au printemps, tout le monde y gagnera. »

Les piétons pourront continuer à longer le Rhône par le bas-port pendant toute la durée du chantier, sauf en cas de
crue du fleuve.
""",
    comments=[
        (1, None, "Gones69", "2026-11-10T07:45", "La rue de Marseille à vélo à 8 h, bon courage. Il faut absolument la bande provisoire."),
        (2, 1, "Marielle B.", "2026-11-10T08:20", "Pétition signée ! Je la prends tous les jours avec ma fille."),
        (3, None, "automobiliste_lyonnais", "2026-11-10T09:05", "4,2 millions pour une piste… et les nids-de-poule du 8e, on en parle ?"),
    ])
art(**_velo)
# The same page crawled again two days later: other ads, two more comments.
art(**dict(_velo, key="velo-lyon-courrier-crawl2",
           ads=["Soldes privés chez Literie du Rhône : -40 % sur les matelas", "Salon du chocolat de Lyon, Cité internationale, 28-29 novembre"],
           comments=_velo["comments"] + [
               (4, None, "Thibaut", "2026-11-11T18:30", "Bonne nouvelle pour le printemps, mais trois mois de galère d’ici là."),
               (5, 3, "Gones69", "2026-11-11T19:02", "Les nids-de-poule, c’est la ville, pas la métropole. Rien à voir."),
           ]))

art(key="velo-lyon-bande-provisoire", story="velo-lyon-bande", site="jsonld",
    path="html/courrier-rhone-rue-de-marseille-bande-provisoire.html",
    url="https://courrier-rhone.example/lyon/mobilites/rue-de-marseille-bande-cyclable-provisoire",
    date="2026-11-20T12:15:00+01:00", authors=["Léa Martinon"], section="Lyon · Mobilités",
    tags=["Lyon", "vélo", "Ville à vélo"],
    ads=["Lyon Parc Auto : abonnement résident -30 % en décembre", "Marché de Noël de la place Carnot, dès le 27 novembre"],
    related=["Voie verte du Rhône : trois mois de fermeture, les cyclistes craignent le détour par la rue de Marseille"],
    title="Lyon : une bande cyclable provisoire rue de Marseille pendant les travaux de la voie verte",
    standfirst="La métropole a cédé à la demande de l’association Ville à vélo : une bande séparée par des balises "
               "sera installée le long du détour imposé aux cyclistes à partir du 4 janvier.",
    body="""
Dix jours après l’annonce de la fermeture de la voie verte du Rhône, la métropole de Lyon revoit sa copie. Une
bande cyclable provisoire, séparée de la circulation par des balises en plastique, sera aménagée rue de Marseille
et avenue Jean-Jaurès pendant toute la durée des travaux, a annoncé jeudi 19 novembre la vice-présidente chargée
des mobilités, Nadia Belkacem.

« Nous avons entendu les inquiétudes des cyclistes et des parents. La sécurité passe avant tout », a-t-elle déclaré
dans un communiqué. La bande fera 1,80 mètre de large et sera installée dans la semaine du 28 décembre, avant la
fermeture de la piste des berges le 4 janvier. Son coût est estimé à 180 000 euros.

## Une ligne de bus déviée

Pour libérer la place nécessaire, une des deux lignes de bus qui empruntent la rue de Marseille sera déviée par la
rue de la Thibaudière, et le stationnement sera supprimé d’un côté de la rue sur 600 mètres. Les livraisons seront
autorisées sur des emplacements dédiés, de 6 heures à 11 heures.

L’association Ville à vélo, qui avait lancé une pétition signée par plus de 6 000 personnes, crie victoire. « C’est
exactement ce que nous demandions. Cela montre qu’on peut faire vite quand on veut », s’est félicité son président,
Julien Perret. Il promet toutefois que les bénévoles de l’association surveilleront de près le respect de la bande
par les livreurs.

## Les commerçants inquiets pour le stationnement

La suppression de places de stationnement passe moins bien auprès de certains commerçants. Sophie Tardy, qui tient
une boulangerie rue de Marseille, craint de perdre une partie de sa clientèle motorisée. « Les gens s’arrêtent en
double file pour acheter leur pain. Sans places, ils iront ailleurs », a-t-elle regretté jeudi.

La métropole répond que deux parkings publics se trouvent à moins de cinq minutes à pied et que le dispositif sera
retiré dès la réouverture de la voie verte, prévue début avril. La réunion publique du 26 novembre, à la mairie
du 7e arrondissement, doit permettre de présenter le projet en détail aux riverains.
""",
    comments=[
        (1, None, "Marielle B.", "2026-11-20T12:50", "Merci Ville à vélo ! Comme quoi les pétitions servent à quelque chose."),
        (2, None, "Lyon_7e", "2026-11-20T13:30", "Et on supprime encore des places. Ces écolos de m€rde ne pensent qu’à leurs vélos."),
        (3, 2, "Gones69", "2026-11-20T14:02", "Deux parkings à cinq minutes, ce n’est pas la fin du monde."),
    ])


# The judgment (20 November).
art(key="proces-jugement-garonne", story="proces-jugement", site="jsonld", jsonld_site="Le Journal de la Garonne",
    jsonld_host="journal-garonne.example",
    path="html/journal-garonne-proces-logis-jugement.html",
    url="https://journal-garonne.example/bordeaux/justice/logis-de-la-garonne-castaing-condamne",
    date="2026-11-20T16:10:00+01:00", authors=["Inès Darrieux"], section="Justice",
    tags=["Bordeaux", "justice", "logement social"],
    ads=["Vignobles Lacoste : portes ouvertes les 21 et 22 novembre", "Agence Garonne Immo : estimation offerte"],
    most_read=["Rocade : travaux de nuit jusqu’à vendredi", "Rugby : l’UBB domine le Racing",
               "Marché de Noël : 140 chalets allées de Tourny"],
    related=["Procès Logis de la Garonne : dix-huit mois avec sursis requis contre l’ancien directeur"],
    title="Logis de la Garonne : l’ancien directeur condamné à un an de prison avec sursis pour favoritisme",
    standfirst="Le tribunal correctionnel de Bordeaux a reconnu vendredi Bernard Castaing coupable de favoritisme et "
               "de prise illégale d’intérêts. L’entrepreneur Didier Sabourin est condamné pour recel.",
    body="""
Bernard Castaing est resté debout, immobile, pendant la lecture du jugement. Vendredi 20 novembre, le tribunal
correctionnel de Bordeaux a condamné l’ancien directeur général de Logis de la Garonne à un an d’emprisonnement avec
sursis, 20 000 euros d’amende et trois ans d’inéligibilité. Il a été reconnu coupable de favoritisme et de prise
illégale d’intérêts, mais relaxé du chef de faux en écriture.

L’entrepreneur Didier Sabourin, dirigeant de Sabourin BTP, a été condamné pour recel de favoritisme à huit mois
d’emprisonnement avec sursis et 40 000 euros d’amende. Les deux hommes devront verser solidairement 1,1 million
d’euros de dommages et intérêts à l’office, qui en réclamait plus du double, et 15 000 euros à l’association des
locataires du Grand-Parc.

## « Une confusion durable »

Dans ses motifs, lus par la présidente Sophie Labarthe, le tribunal relève « une confusion durable entre une amitié
personnelle et l’exercice d’une mission de service public ». Il retient en particulier l’envoi anticipé d’au moins
trois cahiers des charges et l’absence de mise en concurrence réelle pour quatre chantiers. Il écarte en revanche
l’enrichissement personnel, faute de preuve.

Les peines prononcées sont inférieures aux réquisitions du parquet, qui avait demandé dix-huit mois avec sursis et
cinq ans d’inéligibilité contre l’ancien directeur. « Le tribunal a entendu qu’il n’y avait pas d’enrichissement,
mais la condamnation reste injuste », a réagi son avocat, Me Olivier Ferrand, qui envisage de faire appel. Son
client dispose de dix jours pour se décider.

## Les locataires « enfin entendus »

À la sortie de la salle, Fatima Benali, locataire du Grand-Parc venue à chaque audience, ne cachait pas son
émotion. « On nous a enfin entendus. Ce n’est pas une question d’argent, c’est une question de respect », a-t-elle
confié. Son avocate, Me Claire Etcheverry, a salué une décision « qui rappelle que l’argent du logement social n’est
pas celui d’un homme ».

La direction actuelle de Logis de la Garonne a indiqué prendre acte du jugement. L’audit lancé en 2023 sur dix ans
de marchés doit être rendu public en janvier, a précisé l’office dans un communiqué publié vendredi soir.
""",
    comments=[
        (1, None, "Bordeluche", "2026-11-20T16:45", "Un an avec sursis pour 14 millions de marchés truqués. Circulez, y a rien à voir."),
        (2, 1, "JP Mérignac", "2026-11-20T17:20", "Le tribunal dit justement qu’il n’y a pas eu d’enrichissement. Lisez l’article jusqu’au bout."),
        (3, None, "locataire_gp", "2026-11-20T18:05", "Bravo à Mme Benali et à l’association. Et maintenant, qu’on répare nos fenêtres."),
    ])

art(key="proces-jugement-txt", story="proces-jugement", site="txt", format="txt",
    path="text/proces_bordeaux_jugement.txt", url=None, date="2026-11-21T09:00:00+01:00", authors=[],
    photo="Bernard Castaing à son arrivée au tribunal ( Photo : Lucas Bernadet)",
    title="Favoritisme : Bernard Castaing va-t-il faire appel de sa condamnation ?",
    standfirst="Au lendemain du jugement du tribunal correctionnel de Bordeaux, l’ancien directeur de Logis de la "
               "Garonne hésite à faire appel. Son avocat dénonce une décision « injuste », les locataires savourent.",
    body="""
Bernard Castaing a jusqu’au 30 novembre pour décider s’il fait appel. Condamné vendredi 20 novembre par le tribunal
correctionnel de Bordeaux à un an d’emprisonnement avec sursis, 20 000 euros d’amende et trois ans d’inéligibilité
pour favoritisme et prise illégale d’intérêts, l’ancien directeur général du bailleur social Logis de la Garonne
n’a pas encore arrêté sa position.

« Mon client est un homme blessé. Il a consacré dix ans de sa vie à cet office, et il ne se reconnaît pas dans
le portrait dressé par le jugement », a expliqué samedi son avocat, Me Olivier Ferrand. L’avocat relève que le
tribunal a écarté tout enrichissement personnel et relaxé son client du chef de faux, ce qui constitue selon lui
« un désaveu partiel de l’accusation ».

Un appel à double tranchant

Un appel n’est pas sans risque. Le parquet, qui avait requis dix-huit mois avec sursis et cinq ans
d’inéligibilité, pourrait lui aussi faire appel et demander une peine plus lourde devant la cour d’appel. Selon
une source judiciaire, le procureur Mathieu Lestrade « attend de connaître la position de la défense » avant de se
prononcer.

Du côté de l’entrepreneur Didier Sabourin, condamné pour recel à huit mois avec sursis et 40 000 euros d’amende,
la décision semble prise. Son avocat, Me Jean-Baptiste Lafitte, a indiqué que son client « ne souhaite pas
prolonger la procédure » et qu’il se concentrera sur son entreprise et ses deux cents salariés.

Au Grand-Parc, le soulagement

Au pied des immeubles du Grand-Parc, la condamnation a été accueillie avec soulagement. L’association des
locataires, partie civile, a obtenu 15 000 euros de dommages et intérêts. « Ce qui compte maintenant, ce sont les
travaux. Il y a encore des appartements où l’eau passe par les fenêtres », a rappelé samedi son président, Alain
Roux, lors d’une réunion au local de l’association.

L’office Logis de la Garonne a promis de présenter en décembre un calendrier de reprise des malfaçons, financé en
partie par les dommages et intérêts fixés par le tribunal.
""")

# ============================================================================================
# Story thread 5: Clermont-Ferrand's 2027 budget (orientation debate, then the vote).

art(key="budget-dob-fildesmonts", story="budget-orientations", site="minimal",
    path="html/fil-des-monts-clermont-debat-orientations-budgetaires.html",
    url="https://fildesmonts.example/clermont/2026/11/05/debat-orientations-budgetaires.html",
    date="2026-11-05T22:40:00+01:00", authors=["Bastien Chabrier"], byline="Bastien Chabrier",
    title="Clermont-Ferrand : la hausse de la taxe foncière s’invite dans le débat budgétaire",
    standfirst="Lors du débat d’orientations budgétaires, jeudi soir, la maire a laissé entendre que le taux de la "
               "taxe foncière pourrait augmenter en 2027. L’opposition dénonce « un matraquage ».",
    body="""
Le débat d’orientations budgétaires est d’ordinaire un exercice technique, suivi par une poignée d’initiés. Celui
du conseil municipal de Clermont-Ferrand, jeudi 5 novembre, a duré près de trois heures et s’est terminé dans une
ambiance électrique. En cause : une phrase de la maire, Mathilde Vernet, sur la fiscalité locale.

« Nous ne pouvons pas exclure une évolution modérée du taux de la taxe foncière », a-t-elle déclaré en présentant
les grandes lignes du budget 2027. La maire a justifié cette hypothèse par la hausse des dépenses d’énergie, la
revalorisation des salaires des agents et la baisse des dotations de l’État, qu’elle chiffre à 4,6 millions
d’euros sur deux ans.

### Un programme d’investissement maintenu

L’adjoint aux finances, Karim Aït-Saïd, a présenté un budget prévisionnel d’environ 412 millions d’euros, dont 96
millions d’investissements. La majorité veut maintenir la rénovation de sept écoles, la construction de la piscine
de Croix-de-Neyrat et le plan de végétalisation des cours d’école. « Renoncer à ces projets, ce serait faire payer
la crise aux enfants », a-t-il défendu.

Selon les documents présentés aux élus, la dette de la ville s’élève à 212 millions d’euros, soit une capacité de
désendettement de six ans, jugée « saine » par l’adjoint. L’épargne brute, elle, recule pour la deuxième année
consécutive.

### L’opposition vent debout

Le chef de file de l’opposition, Pierre-Henri Dumas, a dénoncé « un matraquage fiscal qui ne dit pas son nom ». «
Les Clermontois ont déjà subi la hausse des bases décidée par l’État. La ville devrait d’abord faire des économies
sur son fonctionnement », a-t-il plaidé, en citant les dépenses de communication et le coût des nouveaux locaux
de la direction du numérique.

Le groupe écologiste, membre de la majorité, a de son côté demandé que toute hausse d’impôt soit « fléchée » vers
la rénovation thermique des bâtiments municipaux. La maire a promis d’en tenir compte.

Le budget sera soumis au vote du conseil municipal le lundi 16 novembre. D’ici là, les groupes pourront déposer des
amendements jusqu’au 12 novembre.
""")

art(key="budget-vote-fildesmonts", story="budget-vote", site="minimal",
    path="html/fil-des-monts-clermont-budget-2027-adopte.html",
    url="https://fildesmonts.example/clermont/2026/11/16/budget-2027-adopte.html",
    date="2026-11-16T23:55:00+01:00", authors=["Bastien Chabrier"], byline="Bastien Chabrier",
    title="Clermont-Ferrand : le budget 2027 adopté, la taxe foncière augmente de 1,5 %",
    standfirst="Après cinq heures de débat, le conseil municipal a voté lundi soir un budget de 411 millions d’euros. "
               "La hausse de la taxe foncière rapportera 2,8 millions d’euros à la ville.",
    body="""
Il était près de minuit, lundi 16 novembre, quand la maire de Clermont-Ferrand, Mathilde Vernet, a annoncé le
résultat du vote : trente-huit voix pour, dix-sept contre. Le budget 2027 de la ville est adopté. Il s’élève à 411
millions d’euros, dont 95 millions d’investissements, et prévoit une hausse de 1,5 % du taux de la taxe foncière.

Cette hausse, évoquée dès le débat d’orientations du 5 novembre, rapportera environ 2,8 millions d’euros. Pour un
appartement moyen, elle représente une augmentation de 18 euros par an, selon les services municipaux. « C’est un
effort réel, nous ne le nions pas. Mais il est limité et il finance des écoles, pas des dépenses de confort », a
déclaré la maire en clôture de séance.

### Un amendement écologiste adopté

Conformément à la demande du groupe écologiste, un amendement affecte 1,5 million d’euros supplémentaires à la
rénovation thermique de trois gymnases et de l’hôtel de ville. Il a été adopté à l’unanimité de la majorité.
L’adjoint aux finances, Karim Aït-Saïd, a présenté cette mesure comme « un investissement qui fera baisser la
facture d’énergie dès 2028 ».

Les autres amendements, déposés par l’opposition, ont tous été rejetés. Ils proposaient notamment de geler le taux
de la taxe foncière et de réduire de 20 % le budget de communication de la ville.

### « Les Clermontois s’en souviendront »

Pierre-Henri Dumas, chef de file de l’opposition, a dénoncé un budget « de facilité ». « Vous avez choisi l’impôt
plutôt que les économies. Les Clermontois s’en souviendront au moment de recevoir leur avis d’imposition », a-t-il
lancé, avant que son groupe ne vote contre. Il a annoncé qu’il publierait en décembre un « contre-budget » détaillé.

Plusieurs dizaines d’habitants ont suivi la séance depuis la tribune du public, parmi lesquels des membres de
l’association des contribuables du Puy-de-Dôme, venus avec des pancartes. Le président de l’association, Gérard
Moulin, a annoncé une réunion publique le 3 décembre.

Les travaux de la piscine de Croix-de-Neyrat, principal projet du mandat, doivent commencer au printemps. La
rénovation des sept écoles s’étalera jusqu’en 2029.
""")

art(key="budget-vote-txt", story="budget-vote", site="txt", format="txt",
    path="text/clermont_budget_vote.txt", url=None, date="2026-11-17T07:30:00+01:00", authors=["Anaïs Roche"],
    dateline="Par Anaïs Roche, le 17/11/2026 à 07h30",
    photo="La salle du conseil municipal de Clermont-Ferrand ( Photo : Rémi Vialle)",
    title="Budget 2027 : ce que la hausse de la taxe foncière va changer pour les Clermontois",
    standfirst="Voté lundi soir par le conseil municipal, le budget 2027 prévoit une hausse de 1,5 % du taux de la "
               "taxe foncière. Qui paiera, combien, et pour financer quoi ? Nos réponses.",
    body="""
Le conseil municipal de Clermont-Ferrand a adopté lundi 16 novembre, par trente-huit voix contre dix-sept, le
budget de la ville pour 2027. La mesure la plus commentée est la hausse de 1,5 % du taux communal de la taxe
foncière sur les propriétés bâties, la première depuis 2019.

Qui est concerné ?

Seuls les propriétaires paient la taxe foncière, qu’ils habitent leur logement ou qu’ils le louent. Les locataires
ne sont pas directement touchés, même si certains bailleurs pourraient être tentés de répercuter la hausse sur les
loyers lors du renouvellement des baux. Selon la mairie, environ 48 000 foyers sont assujettis à Clermont-Ferrand.

Combien cela va-t-il coûter ?

Selon les simulations présentées par l’adjoint aux finances, Karim Aït-Saïd, la hausse représentera en moyenne 18
euros par an pour un appartement et 31 euros pour une maison. Ces montants s’ajoutent à la revalorisation des bases
décidée chaque année par l’État, indépendante de la commune. « Nous avons choisi la hausse la plus faible possible
pour garder nos investissements », a assuré l’élu mardi matin.

Pour financer quoi ?

La ville attend de cette hausse environ 2,8 millions d’euros de recettes supplémentaires. La majorité affirme
qu’ils serviront à compenser la baisse des dotations de l’État et la hausse des dépenses d’énergie, afin de
maintenir 95 millions d’euros d’investissements : rénovation de sept écoles, piscine de Croix-de-Neyrat,
végétalisation des cours et, depuis l’amendement écologiste voté lundi, rénovation thermique de trois gymnases.

L’opposition conteste ce choix. Pour Pierre-Henri Dumas, son chef de file, « la ville aurait pu trouver ces 2,8
millions dans son propre fonctionnement ». L’association des contribuables du Puy-de-Dôme appelle les propriétaires
à une réunion publique le 3 décembre à la maison des associations.

Les avis de taxe foncière intégrant la hausse arriveront dans les boîtes aux lettres à la fin de l’été 2027.
""",
    comments=[
        (1, None, "Auvergnat63", "2026-11-17T08:15", "18 euros par an, on ne va pas en faire une montagne. Les écoles en ont besoin."),
        (2, 1, "proprio_clermont", "2026-11-17T08:50", "18 euros cette année, et combien l’an prochain ? Ça ne s’arrête jamais."),
        (3, None, "Jeanne M.", "2026-11-17T09:30", "Quelle bande de voleurs à la mairie, qu’ils aillent se faire f*tre avec leur piscine."),
    ])

art(key="budget-reactions-jsonl", story="budget-vote", site="txt", format="jsonl", site_label="Clermont Hebdo",
    path=None, url="https://clermont-hebdo.example/2026/11/18/budget-reactions-commercants-proprietaires",
    date="2026-11-18T11:00:00+01:00", authors=[],
    title="Hausse de la taxe foncière à Clermont : propriétaires et commerçants réagissent",
    standfirst="Deux jours après le vote du budget 2027, la hausse de 1,5 % de la taxe foncière divise. Les "
               "propriétaires bailleurs s’inquiètent, les parents d’élèves saluent les investissements dans les écoles.",
    body="""
Au marché Saint-Joseph, mercredi matin, la taxe foncière a remplacé la météo dans les conversations. Le conseil
municipal de Clermont-Ferrand a voté lundi 16 novembre une hausse de 1,5 % du taux communal, la première depuis
2019, pour financer un budget 2027 de 411 millions d’euros.

Bernadette Fayolle, retraitée propriétaire d’une petite maison à Montferrand, fait ses comptes. « Trente euros de
plus, ce n’est pas énorme, mais avec l’électricité et la mutuelle, tout augmente en même temps », explique-t-elle
en pesant ses pommes. Son voisin de stand, maraîcher à Aulnat, hausse les épaules : « De toute façon, on paie
toujours à la fin. »

Les bailleurs inquiets

Du côté des propriétaires bailleurs, le ton est plus vif. L’association des contribuables du Puy-de-Dôme, présidée
par Gérard Moulin, dénonce « une hausse déguisée des loyers ». « Beaucoup de petits propriétaires n’ont pas d’autre
choix que de répercuter la hausse lors du renouvellement du bail », a-t-il affirmé mardi, en confirmant la tenue
d’une réunion publique le 3 décembre.

Les commerçants du centre-ville, eux, restent prudents. Leur fédération rappelle que la taxe foncière pèse
surtout sur les propriétaires des murs, mais craint un effet sur les loyers commerciaux. « Nous demanderons à la
ville de geler la taxe sur les enseignes pour compenser », indique son président, Thierry Bardot.

Les parents d’élèves satisfaits

À la sortie de l’école Jules-Ferry, l’accueil est différent. La fédération des parents d’élèves se félicite du
maintien des rénovations d’écoles et de la végétalisation des cours. « Nos enfants passent l’été dans des classes à
35 degrés. Si l’impôt sert à ça, nous ne nous en plaindrons pas », estime Léa Bonnefoy, mère de deux enfants.

La maire, Mathilde Vernet, doit présenter le détail du programme de travaux dans les écoles lors d’une réunion avec
les parents le 30 novembre. L’opposition municipale, menée par Pierre-Henri Dumas, prépare de son côté un
« contre-budget » qu’elle présentera en décembre.
""")

# ============================================================================================
# Story thread 6: the emergency department of Lannion hospital (closed at night, a rally, the
# regional health agency's answer).

art(key="hopital-fermeture-wp", story="hopital-fermeture", site="wp", section="Côtes-d’Armor",
    path="html/phare-ouest-lannion-urgences-fermees-nuit.html",
    url="https://lephare-ouest.example/2026/11/03/lannion-urgences-fermees-la-nuit/",
    date="2026-11-03T12:20:00+01:00", authors=["Yannick Le Roux"], tags=["Lannion", "santé", "urgences"],
    ad="Pharmacie du Trégor : vaccination contre la grippe sans rendez-vous.",
    banner="Trégor Immobilier : estimation gratuite de votre maison",
    related=["Trégor : trois médecins généralistes partent à la retraite", "Guingamp : la maternité sous surveillance"],
    title="Lannion : les urgences de l’hôpital fermées la nuit à partir du 9 novembre",
    standfirst="Faute de médecins, le service des urgences du centre hospitalier de Lannion ne recevra plus de patients "
               "entre 20 heures et 8 heures. Les élus du Trégor dénoncent une décision « inacceptable ».",
    body="""
La nouvelle est tombée lundi soir, par un communiqué de quelques lignes. À partir du lundi 9 novembre, le service
des urgences du centre hospitalier de Lannion fermera ses portes chaque nuit, de 20 heures à 8 heures, « jusqu’à
nouvel ordre ». Les patients devront appeler le 15, qui les orientera vers les urgences de Saint-Brieuc ou de
Morlaix, à une heure de route.

La direction de l’hôpital invoque un manque de médecins. Sur les quatorze postes d’urgentistes que compte le service,
six sont vacants, et deux praticiens sont en arrêt maladie. « Nous ne pouvons plus garantir la sécurité des
patients la nuit avec les effectifs dont nous disposons », a expliqué mardi le directeur, Frédéric Le Goff, lors
d’une conférence de presse.

## Une équipe épuisée

Au sein du service, la décision n’a pas surpris. Depuis l’été, les médecins restants enchaînent les gardes de
vingt-quatre heures, parfois plusieurs fois par semaine. « Nous sommes à bout. Fermer la nuit, c’est une mauvaise
solution, mais c’est moins dangereux que de laisser un médecin seul et épuisé face à vingt patients », confie la
docteure Anne Jézéquel, cheffe du service.

Un véhicule de secours médicalisé restera basé à Lannion la nuit pour les urgences vitales, a précisé l’agence
régionale de santé, qui dit rechercher des renforts auprès des hôpitaux de la région.

## Colère des élus

Le maire de Lannion, Paul Le Berre, a dénoncé une décision « inacceptable pour un bassin de 100 000 habitants ».
« L’été, la population double sur la côte de Granit rose. Qu’est-ce qu’on dira aux familles quand il faudra une
heure pour rejoindre des urgences ? », a-t-il interrogé. Il a demandé à être reçu par la directrice générale de
l’agence régionale de santé.

Le comité de défense de l’hôpital, créé en 2019, appelle à un rassemblement samedi 7 novembre à 11 heures devant
l’entrée principale. Plusieurs maires du Trégor ont déjà annoncé leur présence.
""",
    comments=[
        (30101, None, "Trégorroise", "2026-11-03T13:02", "Une heure de route pour Saint-Brieuc, et en hiver en plus. C’est honteux."),
        (30105, 30101, "Dr_Kerlann", "2026-11-03T14:10", "Soutien total aux collègues des urgences. Ce n’est pas leur faute."),
        (30108, None, "perros22", "2026-11-03T15:45", "On sera au rassemblement samedi, avec toute la famille."),
    ])

art(key="hopital-rassemblement-txt", story="hopital-rassemblement", site="txt", format="txt",
    path="text/lannion_rassemblement_urgences.txt", url=None, date="2026-11-07T17:00:00+01:00", authors=[],
    photo="Le rassemblement devant l’hôpital de Lannion, samedi ( Photo : Gaëlle Tanguy)",
    title="Lannion : 3 000 personnes rassemblées pour sauver les urgences de nuit",
    standfirst="À l’appel du comité de défense de l’hôpital, une foule nombreuse s’est réunie samedi matin devant le "
               "centre hospitalier pour protester contre la fermeture nocturne des urgences, prévue lundi.",
    body="""
Ils étaient venus de tout le Trégor, en famille, avec des pancartes faites à la main. Samedi 7 novembre, environ
3 000 personnes selon les organisateurs, 2 200 selon la police, se sont rassemblées devant l’entrée du centre
hospitalier de Lannion. Tous protestaient contre la fermeture des urgences la nuit, qui doit entrer en vigueur
lundi 9 novembre.

Au micro, la présidente du comité de défense de l’hôpital, Marie-Laure Guillou, a lu les témoignages de patients
pris en charge la nuit ces derniers mois. « Sans les urgences de Lannion, mon père ne serait plus là », avait écrit
l’un d’eux, victime d’un infarctus en août. « Une heure de route, c’est parfois une heure de trop », a-t-elle
martelé sous les applaudissements.

Les élus en première ligne

Une vingtaine de maires du Trégor, ceints de leur écharpe tricolore, s’étaient placés au premier rang. Le maire de
Lannion, Paul Le Berre, a annoncé qu’il avait obtenu un rendez-vous à l’agence régionale de santé, à Rennes, le
mardi 10 novembre. « Je n’irai pas à Rennes pour négocier un calendrier de fermeture, j’irai pour obtenir des
médecins », a-t-il prévenu.

Plusieurs soignants du service étaient présents, en blouse. Un infirmier, qui a préféré ne pas donner son nom, a
décrit des nuits « où l’on ne peut plus faire correctement notre travail ». Il a rappelé que la fermeture avait été
demandée par les médecins eux-mêmes, à bout de forces, et que personne dans le service ne la souhaitait.

Une pétition en ligne

La pétition lancée par le comité a dépassé les 25 000 signatures samedi midi. Elle sera remise à la directrice de
l’agence régionale de santé. Le comité prévoit de nouvelles actions si la fermeture n’est pas levée d’ici la fin du
mois, et n’exclut pas une manifestation à Rennes.

Le rassemblement s’est dispersé dans le calme vers 13 heures.
""",
    comments=[
        (1, None, "Trégorroise", "2026-11-07T17:40", "Magnifique mobilisation. On ne lâchera rien."),
        (2, None, "Yves de Trébeurden", "2026-11-07T18:15", "J’y étais avec mes petits-enfants. Ces bureaucrates de l’ARS sont des ordures."),
        (3, 2, "Anne-So", "2026-11-07T18:50", "Ce ne sont pas des ordures, ils n’ont pas de médecins à envoyer. Le problème est national."),
    ])

art(key="hopital-ars-wp", story="hopital-ars", site="wp", section="Côtes-d’Armor", format="warc",
    path=None, url="https://lephare-ouest.example/2026/11/16/lannion-urgences-renforts-ars/",
    date="2026-11-16T19:05:00+01:00", authors=["Yannick Le Roux"], tags=["Lannion", "santé", "ARS"],
    ad="Pharmacie du Trégor : vaccination contre la grippe sans rendez-vous.",
    related=["Lannion : les urgences de l’hôpital fermées la nuit à partir du 9 novembre",
             "Lannion : 3 000 personnes rassemblées pour sauver les urgences de nuit"],
    title="Urgences de Lannion : l’ARS annonce des renforts, une réouverture partielle la nuit dès le 1er décembre",
    standfirst="Quatre médecins venus du CHU de Brest et de Saint-Brieuc permettront de rouvrir les urgences la nuit "
               "du vendredi au dimanche. Le comité de défense juge l’annonce « insuffisante ».",
    body="""
Une semaine après la fermeture nocturne des urgences de Lannion, l’agence régionale de santé de Bretagne a annoncé
lundi 16 novembre une première série de mesures. À partir du 1er décembre, le service rouvrira la nuit du vendredi
au dimanche, grâce au renfort de quatre médecins urgentistes mis à disposition par le CHU de Brest et le centre
hospitalier de Saint-Brieuc.

« C’est une réponse d’urgence, pas une solution définitive. Nous voulons que les urgences de Lannion rouvrent toutes
les nuits au plus tard au printemps », a déclaré la directrice générale de l’agence, Sylvie Marchal, en
déplacement à Lannion. Elle a aussi annoncé une prime exceptionnelle pour les médecins qui accepteront des gardes
dans le Trégor, et le recrutement de deux praticiens étrangers, dont les dossiers sont en cours d’examen.

## Un soulagement mesuré

Au sein du service, l’annonce a été accueillie avec prudence. « Trois nuits par semaine, c’est mieux que rien. Mais
ce sont les mêmes médecins qui tiennent le service la journée, il ne faut pas les épuiser davantage », a réagi la
docteure Anne Jézéquel, cheffe des urgences.

Le maire de Lannion, Paul Le Berre, reçu à Rennes le 10 novembre, a salué « un premier pas obtenu grâce à la
mobilisation ». Il rappelle toutefois que la fermeture reste effective quatre nuits sur sept et qu’un patient a dû
être transporté à Saint-Brieuc, mercredi dernier, pour une fracture du col du fémur.

## Le comité maintient la pression

Le comité de défense de l’hôpital, qui avait rassemblé près de 3 000 personnes le 7 novembre, juge les mesures
« insuffisantes ». Sa présidente, Marie-Laure Guillou, a annoncé une nouvelle manifestation samedi 28 novembre, cette
fois devant le siège de l’agence, à Rennes. « On ne se contentera pas de week-ends », a-t-elle prévenu.

La pétition du comité dépasse désormais les 41 000 signatures. Elle a été remise lundi à la directrice de l’agence,
qui s’est engagée à revenir à Lannion en janvier pour faire le point.
""",
    comments=[
        (30512, None, "perros22", "2026-11-16T19:40", "Trois nuits sur sept. On a gagné le week-end, il reste la semaine."),
        (30515, 30512, "Dr_Kerlann", "2026-11-16T20:05", "C’est déjà beaucoup, vu l’état des effectifs partout en Bretagne."),
    ])

art(key="hopital-ars-txt", story="hopital-ars", site="txt", format="txt",
    path="text/lannion_urgences_reouverture_partielle.txt", url=None, date="2026-11-17T08:00:00+01:00", authors=[],
    title="Urgences de Lannion : ce qui change à partir du 1er décembre",
    standfirst="L’agence régionale de santé a annoncé lundi une réouverture partielle des urgences la nuit. Horaires, "
               "numéros à appeler, hôpitaux de recours : le point pour les habitants du Trégor.",
    body="""
Depuis le 9 novembre, les urgences du centre hospitalier de Lannion sont fermées de 20 heures à 8 heures. Lundi 16
novembre, l’agence régionale de santé de Bretagne a annoncé une réouverture partielle, grâce à quatre médecins
venus du CHU de Brest et du centre hospitalier de Saint-Brieuc. Voici ce qui change pour les patients.

Le week-end, les urgences rouvrent la nuit

À partir du mardi 1er décembre, le service sera ouvert vingt-quatre heures sur vingt-quatre du vendredi 8 heures au
lundi 8 heures. Du lundi soir au vendredi matin, la fermeture de 20 heures à 8 heures reste en vigueur. Un
véhicule de secours médicalisé reste basé à Lannion toutes les nuits.

La nuit en semaine, appelez le 15

Les soirs de fermeture, il faut appeler le 15 avant de se déplacer. Le médecin régulateur décide de l’envoi d’une
équipe, d’un transport vers Saint-Brieuc ou Morlaix, ou oriente vers un médecin de garde. « Il ne faut surtout pas
se présenter à la porte de l’hôpital sans avoir appelé », insiste la docteure Anne Jézéquel, cheffe du service.

Pour les situations moins graves, les maisons médicales de garde de Lannion et de Perros-Guirec restent ouvertes le
soir jusqu’à minuit, et le samedi après-midi. Les pharmacies de garde sont indiquées par le 3237.

Et ensuite ?

La directrice générale de l’agence, Sylvie Marchal, vise une réouverture complète « au plus tard au printemps »,
grâce à des recrutements en cours. Le maire de Lannion, Paul Le Berre, et le comité de défense de l’hôpital
jugent ce calendrier trop lointain. Le comité appelle à manifester le samedi 28 novembre à Rennes, devant le siège
de l’agence régionale de santé.

Le centre hospitalier tiendra une réunion d’information pour les habitants le jeudi 26 novembre à 18 h 30, à la
salle des fêtes de Lannion.
""")

# ============================================================================================
# Story 7: the Angers marathon (sports).

art(key="marathon-preview-anjou", story="marathon-angers", site="jsonld", format="warc",
    jsonld_site="Le Courrier de l’Anjou", jsonld_host="courrier-anjou.example", path=None,
    url="https://courrier-anjou.example/sports/athletisme/marathon-angers-loire-2026-programme-favoris",
    date="2026-11-13T17:45:00+01:00", authors=["Romain Guérin"], section="Sports · Athlétisme",
    tags=["Angers", "marathon", "athlétisme"],
    ads=["Cycles Anjou Sport : tout le running à -25 %", "Angers Loire Tourisme : week-ends gourmands"],
    most_read=["SCO : Angers arrache le nul à Nantes", "Saumur : le Cadre noir en tournée", "Météo : gel dans les vallées"],
    title="Marathon Angers-Loire : 6 500 coureurs attendus dimanche, le parcours passe par les bords de Maine",
    standfirst="La cinquième édition du marathon Angers-Loire se court dimanche 15 novembre. Record de participation, "
               "nouveau parcours et plateau élite relevé : ce qu’il faut savoir.",
    body="""
Jamais le marathon Angers-Loire n’avait attiré autant de monde. Pour sa cinquième édition, dimanche 15 novembre, les
organisateurs attendent 6 500 coureurs sur l’ensemble des épreuves : le marathon, le semi-marathon, le relais en
équipes de quatre et la course des enfants, organisée la veille au parc Balzac.

Le départ du marathon sera donné à 9 heures place du Ralliement. Le parcours, modifié cette année, emprunte les bords
de Maine jusqu’à l’île Saint-Aubin avant de rejoindre la Loire aux Ponts-de-Cé, puis remonte vers le centre-ville.
« Nous avons supprimé deux faux plats et une portion pavée. Le parcours est désormais l’un des plus rapides de
l’Ouest », assure le directeur de course, Hugo Leclerc.

## Un plateau élite relevé

Côté élite, les organisateurs ont invité une quinzaine de coureurs capables de descendre sous les 2 h 15. Le
favori est le Kényan Daniel Kiptoo, vainqueur l’an dernier à Nantes en 2 h 09 min 48 s. Chez les femmes, la
Française Justine Marot, licenciée à l’Athlé Angers Loire, espère approcher le record de l’épreuve, établi en 2024
en 2 h 31 min 12 s. « Courir chez moi, devant ma famille, c’est une motivation énorme », a-t-elle confié jeudi.

## Circulation perturbée

La course entraînera d’importantes perturbations de circulation dimanche, de 7 heures à 15 heures. Le pont de
Verdun et la voie des Berges seront fermés, et les lignes de tramway A et B fonctionneront sur un tronçon réduit
jusqu’à 14 heures. La ville recommande d’utiliser les parkings relais de la périphérie.

Les organisateurs recherchent encore une centaine de bénévoles pour tenir les ravitaillements. Les inscriptions au
semi-marathon sont closes, mais il reste quelques dossards pour le relais, jusqu’à vendredi midi.
""")

art(key="marathon-resultat-anjou", story="marathon-angers", site="jsonld",
    jsonld_site="Le Courrier de l’Anjou", jsonld_host="courrier-anjou.example",
    path="html/courrier-anjou-marathon-angers-kiptoo-marot.html",
    url="https://courrier-anjou.example/sports/athletisme/marathon-angers-loire-kiptoo-marot-record",
    date="2026-11-15T14:20:00+01:00", authors=["Romain Guérin", "Chloé Ménard"], section="Sports · Athlétisme",
    tags=["Angers", "marathon", "athlétisme"],
    ads=["Cycles Anjou Sport : tout le running à -25 %", "Restaurant La Table du Roi René, menu du dimanche"],
    most_read=["SCO : Angers arrache le nul à Nantes", "Saumur : le Cadre noir en tournée", "Météo : gel dans les vallées"],
    related=["Marathon Angers-Loire : 6 500 coureurs attendus dimanche"],
    title="Marathon Angers-Loire : Kiptoo s’impose, Justine Marot bat le record de l’épreuve",
    standfirst="Le Kényan Daniel Kiptoo a remporté dimanche le marathon Angers-Loire en 2 h 10 min 37 s. Chez les "
               "femmes, l’Angevine Justine Marot a signé un nouveau record de l’épreuve devant son public.",
    body="""
Il faisait 4 degrés au départ, place du Ralliement, dimanche 15 novembre à 9 heures. Un temps idéal pour courir
vite, selon les spécialistes. Les 2 100 marathoniens de la cinquième édition du marathon Angers-Loire ne les ont pas
démentis : le vainqueur, le Kényan Daniel Kiptoo, a franchi la ligne en 2 h 10 min 37 s, à quarante secondes du
record de l’épreuve.

Kiptoo a attendu le trentième kilomètre, au retour des Ponts-de-Cé, pour lâcher son compatriote Joseph Kirui et
l’Éthiopien Abebe Tadesse. « Le parcours est très rapide, mais le vent sur la Loire était fort. Je suis content,
je reviendrai pour le record », a déclaré le vainqueur après l’arrivée. Kirui termine deuxième en 2 h 11 min 20 s,
Tadesse troisième.

## Marot, la fête à la maison

La plus belle histoire du jour est angevine. Licenciée à l’Athlé Angers Loire, Justine Marot a remporté la course
féminine en 2 h 29 min 54 s, améliorant de plus d’une minute le record de l’épreuve. Portée par le public massé
sur les bords de Maine, elle a couru seule en tête dès le quinzième kilomètre.

« J’ai entendu mon prénom à chaque virage. Je n’ai jamais eu autant de frissons dans une course », a-t-elle confié,
en larmes, dans les bras de son entraîneur, Éric Poirier. Ce chrono la qualifie pour les prochains championnats
d’Europe, un objectif qu’elle n’osait pas afficher avant la course.

## Un record de participation

Avec 6 500 participants sur l’ensemble des épreuves, l’organisation revendique un record. Le directeur de course,
Hugo Leclerc, s’est félicité d’une journée « sans incident majeur », malgré quelques malaises pris en charge par la
Croix-Rouge sur le semi-marathon. Le relais a été remporté par une équipe de pompiers de Maine-et-Loire.

La circulation, fortement perturbée dans la matinée, a été rétablie en début d’après-midi. La sixième édition est
déjà programmée au dimanche 14 novembre 2027.
""",
    comments=[
        (1, None, "coureur49", "2026-11-15T15:02", "Bravo Justine ! On t’a poussée au 35e, quelle course."),
        (2, 1, "Maud A.", "2026-11-15T15:30", "Quelle émotion à l’arrivée. Fière de notre club."),
        (3, None, "riverain_angers", "2026-11-15T16:10", "Bloqué chez moi jusqu’à 14 heures… Faites courir ces andouilles ailleurs que dans mon quartier."),
        (4, 3, "coureur49", "2026-11-15T16:40", "Une fois par an, on peut bien partager la ville un dimanche matin."),
    ])

art(key="marathon-resultat-txt", story="marathon-angers", site="txt", format="txt",
    path="text/marathon_angers_resultats.txt", url=None, date="2026-11-16T07:00:00+01:00", authors=[],
    photo="Justine Marot à l’arrivée place du Ralliement ( Photo : Paul Bréchet)",
    title="Athlétisme : Justine Marot, record et billet pour l’Europe à Angers",
    standfirst="L’Angevine a remporté dimanche le marathon Angers-Loire en 2 h 29 min 54 s, nouveau record de "
               "l’épreuve, devant des milliers de spectateurs. Chez les hommes, victoire du Kényan Daniel Kiptoo.",
    body="""
Elle en parlait à demi-mot avant la course. Dimanche 15 novembre, Justine Marot l’a fait : en 2 h 29 min 54 s,
l’athlète de l’Athlé Angers Loire a remporté la cinquième édition du marathon Angers-Loire, battu le record de
l’épreuve de plus d’une minute et obtenu les minima pour les championnats d’Europe.

La course s’est jouée tôt. Dès le quinzième kilomètre, sur les bords de Maine, Marot a accéléré et laissé derrière
elle la Marocaine Salma Bennani et la Britannique Emily Shaw. « Je me suis sentie légère, alors je n’ai pas
réfléchi », a expliqué la vainqueure, qui a couru les vingt-sept derniers kilomètres seule, escortée par une moto
de la police municipale.

Un travail de trois ans

Son entraîneur, Éric Poirier, n’a pas été surpris. « Justine a construit cette performance pendant trois ans,
kilomètre après kilomètre. Elle a enfin couru sans douleur », a-t-il rappelé, en évoquant la fracture de fatigue
qui l’avait privée de la saison 2025. L’athlète, infirmière à mi-temps au CHU d’Angers, s’entraîne le matin avant
son service.

Chez les hommes, le Kényan Daniel Kiptoo s’est imposé en 2 h 10 min 37 s, après avoir attaqué au trentième
kilomètre. Il devance son compatriote Joseph Kirui et l’Éthiopien Abebe Tadesse. Le premier Français, Maxime
Lebreton, termine neuvième en 2 h 17 min 03 s.

Une édition record

Au total, 6 500 coureurs ont pris part aux différentes épreuves, un record pour l’organisation, qui a mobilisé
800 bénévoles. Le directeur de course, Hugo Leclerc, vise désormais un label international pour l’édition 2027. La
ville d’Angers, partenaire de l’épreuve, a annoncé qu’elle maintiendrait le nouveau parcours.

Justine Marot, elle, s’accorde deux semaines de repos. Puis elle reprendra, dit-elle, « comme d’habitude : à six
heures du matin, avant la garde ».
""")

# ============================================================================================
# Story 8: the Lices market in Rennes (the hand-written text page is the first copy of the story).

art(key="rennes-marche-wp", story="rennes-marche", site="wp", section="Ille-et-Vilaine", format="jsonl",
    path=None, url="https://lephare-ouest.example/2026/11/18/rennes-marche-des-lices-horaires-14-heures/",
    date="2026-11-18T10:30:00+01:00", authors=["Maëlle Josse"], tags=["Rennes", "marchés", "commerce"],
    ad="Crêperie des Lices : la galette-saucisse à emporter, 4,50 €.",
    related=["Rennes : les halles Martenot rénovées en 2027", "Marché de Noël : 80 chalets place du Parlement"],
    title="Marché des Lices : les commerçants pourront rester jusqu’à 14 heures dès samedi",
    standfirst="Votée mardi en conseil municipal, la prolongation d’une heure du plus grand marché de Bretagne entre en "
               "vigueur samedi 21 novembre. Producteurs et clients s’en réjouissent, les riverains un peu moins.",
    body="""
C’était une demande ancienne des producteurs. Elle a été satisfaite mardi 17 novembre : le conseil municipal de
Rennes a voté, à l’unanimité moins deux abstentions, le retour du marché des Lices à une fermeture à 14 heures,
contre 13 heures depuis 2023. La mesure s’appliquera dès ce samedi 21 novembre.

La ville avait réduit les horaires il y a trois ans pour limiter le coût du nettoyage de la place, en pleine hausse
des prix de l’énergie et des carburants. Elle estime aujourd’hui que la fréquentation justifie la dépense
supplémentaire, évaluée à 60 000 euros par an. « Le marché des Lices est un patrimoine vivant. Il mérite qu’on lui
donne du temps », a déclaré l’adjointe chargée du commerce, Hélène Rouxel, en séance.

## « On remballait en pleine affluence »

Pour les quelque 280 commerçants, l’heure gagnée compte. Les habitudes des clients ont changé : ils arrivent plus
tard, souvent après 11 heures. « À 13 heures, on remballait en pleine affluence. Une heure de plus, c’est parfois un
quart du chiffre de la matinée », explique Françoise Lemée, maraîchère à Saint-Armel, présente sur la place depuis
vingt-deux ans.

Les riverains de la place des Lices se montrent plus réservés. L’association du quartier s’inquiète du bruit des
camions au moment du remballage et de la circulation, déjà difficile le samedi en début d’après-midi. La ville
promet de renforcer la présence des agents de stationnement entre 13 heures et 15 heures.

## Des animations jusqu’à Noël

Pour accompagner ce retour, la mairie organise des animations chaque samedi de décembre : dégustations de produits
de saison, ateliers pour enfants et concerts acoustiques sous les halles Martenot. Le samedi 19 décembre, un marché
de producteurs de Noël prolongera la matinée jusqu’à 16 heures.

Le syndicat des marchés de plein air, qui réclamait ce retour depuis l’automne 2025, salue « une décision de bon
sens ». Il demande désormais l’installation de toilettes publiques supplémentaires autour de la place.
""",
    comments=[
        (40201, None, "rennaise35", "2026-11-18T11:05", "Enfin ! Avec les enfants on n’arrivait jamais avant midi et demi."),
        (40204, 40201, "Lices_riverain", "2026-11-18T11:40", "Et nous on aura les camions sous les fenêtres jusqu’à 15 h. Super."),
    ])


# Two more pages of the Aulne thread: a flattened live report of the flood, and a radio site's
# short piece on the mayors' meeting (a JSON Lines record with text only).
art(key="aulne-crue-txt", story="aulne-crue", site="txt", format="txt",
    path="text/crue_aulne_chateaulin_direct.txt", url=None, date="2026-11-02T18:30:00+01:00", authors=[],
    photo="La rue de la Fontaine, à Châteaulin, lundi après-midi ( Photo : Kévin Le Guen)",
    title="Inondations : à Châteaulin, une journée les pieds dans l’eau",
    standfirst="La crue de l’Aulne a atteint 5,04 mètres lundi soir au pont de Châteaulin. Reportage dans une ville "
               "coupée en deux, où les habitants ont passé la journée à surélever leurs meubles.",
    body="""
Sur le quai Robert-Alba, lundi 2 novembre, on ne circule plus qu’en bottes cuissardes ou en barque. Les pompiers du
Finistère ont fait des allers-retours toute la journée entre les maisons des rues basses et la salle polyvalente
de Penn ar Roz, où une quarantaine de personnes ont trouvé refuge. Au pont de Châteaulin, l’Aulne a atteint 5,04
mètres vers 19 heures, son plus haut niveau depuis l’hiver 2014.

Gaëlle Nédélec, qui habite un rez-de-chaussée rue de la Fontaine, a vu l’eau entrer chez elle vers 4 heures du
matin. « On a monté ce qu’on pouvait à l’étage, les papiers, les photos, l’ordinateur. Le reste, on verra », dit
cette mère de deux enfants, hébergée chez sa sœur à Dinéault. Elle ne sait pas quand elle pourra rentrer.

La solidarité s’organise

Dans la matinée, la maire, Annick Le Scao, a ouvert un numéro d’appel pour les habitants isolés. Des bénévoles de
la Croix-Rouge et des agents municipaux ont distribué des repas chauds et des couvertures. « Les gens appellent
pour proposer une chambre, un garage pour stocker des meubles. C’est très émouvant », a-t-elle confié en fin
d’après-midi, devant la mairie.

Jean-Yves Quéméner, le boulanger du quai, a cuit sa fournée malgré tout, dans le fournil resté hors d’eau, et
l’a apportée aux sinistrés de la salle de Penn ar Roz. Son magasin, lui, a pris un mètre d’eau.

La RN164 toujours coupée

La RN164 reste fermée entre Pleyben et Châteaulin, et la direction des routes ne prévoit pas de réouverture avant
jeudi. Les écoles de la commune resteront fermées mardi. Météo-France maintient le Finistère en vigilance orange
pluie-inondation jusqu’à mardi midi, et la décrue ne devrait pas s’amorcer avant mercredi.

Le préfet du Finistère est attendu sur place dans la semaine. La commune prépare déjà sa demande de reconnaissance
de l’état de catastrophe naturelle, indispensable pour l’indemnisation des sinistrés par les assureurs.
""",
    comments=[
        (1, None, "Bretonne_29", "2026-11-02T19:02", "Courage à tous les Châteaulinois. On pense fort à vous depuis Brest."),
        (2, None, "Kéké du Faou", "2026-11-02T19:35", "Toujours les mêmes quartiers sous l’eau et les élus qui découvrent le problème à chaque fois… une bande de branquignols."),
        (3, 2, "Bretonne_29", "2026-11-02T20:10", "Ce n’est vraiment pas le moment de taper sur les élus."),
    ])

art(key="aulne-elus-jsonl", story="aulne-elus", site="txt", format="jsonl", site_label="Radio Menez-Hom",
    path=None, url="https://radio-menez-hom.example/infos/2026-11-07-pleyben-maires-vallee-aulne",
    date="2026-11-07T13:15:00+01:00", authors=[],
    title="Pleyben : les maires de la vallée de l’Aulne demandent un nouveau plan contre les crues",
    standfirst="Cinq jours après les inondations, onze maires de la vallée se sont réunis samedi matin à Pleyben. Ils "
               "réclament à l’État la révision du plan de prévention des risques d’inondation, qui date de 2006.",
    body="""
Onze maires, deux conseillers départementaux et la sous-préfète de Châteaulin : la salle du conseil municipal de
Pleyben était pleine, samedi 7 novembre au matin. Cinq jours après la crue qui a envahi Châteaulin et Port-Launay,
les élus de la vallée de l’Aulne ont voulu parler d’une seule voix.

Leur constat est partagé : les crues sont plus fréquentes et plus rapides. « En 2006, on nous parlait d’une crue
centennale. Nous en avons connu trois en vingt ans », a rappelé Annick Le Scao, maire de Châteaulin, à l’issue de
la réunion. Le plan de prévention des risques d’inondation de la vallée, approuvé en 2006, ne tient pas compte,
selon eux, des épisodes récents.

Trois demandes à l’État

Les maires réclament une étude hydraulique de tout le bassin versant, des aides pour mettre hors d’eau les
installations électriques des commerces, et un calendrier précis pour le bassin de rétention prévu en amont de
Pleyben, dont le coût est estimé à 4,2 millions d’euros. Un courrier commun sera adressé au ministère de la
Transition écologique dans les prochains jours.

Le maire de Pleyben, Jean-Paul Cloarec, a aussi plaidé pour que sa commune soit incluse dans la demande de
reconnaissance de catastrophe naturelle. « Une vingtaine de caves ont été inondées chez nous. Nos habitants ont les
mêmes droits que ceux de Châteaulin », a-t-il insisté.

La sous-préfète s’est engagée à faire remonter l’ensemble des demandes et à réunir les services de l’État avant la
mi-décembre. En attendant, l’arrêté de catastrophe naturelle pour les communes les plus touchées est attendu dans
les prochains jours.
""")

# --------------------------------------------------------------------------------------------
# Metadata: the pages not generated by this script, the stories, threads and duplicates.

HANDWRITTEN = [
    {"source": "html/crue-aulne-wordpress.html", "story": "aulne-crue", "site": "Le Phare de l’Ouest",
     "url": "https://lephare-ouest.example/2026/11/02/crue-aulne-chateaulin-rn164-coupee/",
     "published": "2026-11-02", "title": "Crue de l’Aulne : Châteaulin sous les eaux, la RN164 coupée",
     "authors": ["Morgane Le Bihan"], "comments": 5, "toxic_comments": []},
    {"source": "html/crue-aulne-disqus.html", "story": "aulne-crue", "site": "Actu Cornouaille", "url": None,
     "published": "2026-11-04",
     "title": "Inondations dans le Finistère : la décrue s'amorce, les habitants font les comptes",
     "authors": ["Erwan Caradec"], "comments": 3, "toxic_comments": []},
    {"source": "html/elus-aulne-latin1.html", "story": "aulne-elus", "site": "La Voix du Porzay", "url": None,
     "published": "2026-11-09", "title": "Aulne : les élus réclament un plan de prévention des crues",
     "authors": ["Thérèse Guéguen"], "comments": 0, "toxic_comments": []},
    {"source": "text/canal_velo_lyon.txt", "story": "velo-lyon-travaux", "site": "(flattened text)", "url": None,
     "published": None, "title": "Lyon : la voie verte le long du Rhône fermée trois mois pour travaux",
     "authors": [], "comments": 4, "toxic_comments": []},
    {"source": "text/marche_rennes.txt", "story": "rennes-marche", "site": "(flattened text)", "url": None,
     "published": None, "title": "Rennes : le marché des Lices retrouve ses horaires d’avant-crise",
     "authors": [], "comments": 5, "toxic_comments": []},
]

STORIES = {
    "aulne-crue": "The Aulne floods Châteaulin in the night of 1-2 November 2026; the decrue.",
    "aulne-elus": "The valley's mayors meet at Pleyben (7 November) and ask for a new flood-prevention plan.",
    "aulne-indemnisation": "Natural-disaster decree published (12 November); victims and shopkeepers press insurers and ask for an emergency fund.",
    "aulne-conseil": "Châteaulin's council votes a 250,000-euro emergency fund (19 November).",
    "port-greve": "Le Havre dockers strike against the automated Porte Océane 2 terminal (5 November).",
    "velo-lyon-travaux": "Lyon: the Rhône greenway closed three months for widening works.",
    "rennes-marche": "Rennes: the Lices market gets its longer opening hours back.",
    "port-blocage": "Le Havre strike, week two: talks fail, ships diverted to Antwerp, the State names a mediator (10-12 November).",
    "port-accord": "Le Havre: agreement signed, dockers back at work (17-18 November).",
    "proces-audiences": "Bordeaux: trial of Logis de la Garonne's former director for favouritism (hearings 9, 10 and 12 November).",
    "velo-lyon-bande": "Lyon: a temporary cycle lane on rue de Marseille during the greenway works (19 November).",
    "proces-jugement": "Bordeaux: Logis de la Garonne's former director sentenced (20 November); will he appeal?",
    "budget-orientations": "Clermont-Ferrand: budget orientation debate, a property-tax rise in view (5 November).",
    "budget-vote": "Clermont-Ferrand: the 2027 budget voted with a 1.5% property-tax rise (16 November), and reactions.",
    "hopital-fermeture": "Lannion hospital's emergency department to close at night from 9 November.",
    "hopital-rassemblement": "Lannion: 3,000 people rally for the emergency department (7 November).",
    "hopital-ars": "Lannion: the regional health agency sends doctors, partial night reopening from 1 December (16 November).",
    "marathon-angers": "The Angers-Loire marathon (15 November): preview and results.",
}

THREADS = {
    "aulne": ["aulne-crue", "aulne-elus", "aulne-indemnisation", "aulne-conseil"],
    "port-havre": ["port-greve", "port-blocage", "port-accord"],
    "proces-bordeaux": ["proces-audiences", "proces-jugement"],
    "budget-clermont": ["budget-orientations", "budget-vote"],
    "hopital-lannion": ["hopital-fermeture", "hopital-rassemblement", "hopital-ars"],
    "velo-lyon": ["velo-lyon-travaux", "velo-lyon-bande"],
}

# Groups of pages that are copies of one text (syndicated dispatch, page crawled twice,
# corrected version at the same URL). Pages of one story that are not copies are not listed.
DUPLICATE_GROUPS = [
    {"kind": "syndicated", "why": "one APH dispatch on three sites, with different chrome, ads and small edits",
     "pages": ["html/hexagone-quotidien-havre-greve-dockers.html", "html/normandie-matin-greve-port-havre.html",
               "html/fil-des-monts-france-greve-havre.html"]},
    {"kind": "crawled-twice", "why": "the same page at the same URL crawled on 10 and 12 November: other ads, two more comments",
     "pages": ["warc/crawl-2026-11.warc.gz#3", "warc/crawl-2026-11.warc.gz#5"]},
    {"kind": "corrected", "why": "the same article at the same canonical URL, corrected the next day (firm -> suspended sentence)",
     "pages": ["html/journal-garonne-proces-logis-requisitions.html",
               "html/journal-garonne-proces-logis-requisitions-rectifie.html"]},
]

# Reader comments written as toxic (insults, obfuscated profanity: c0nn@rds, m***e, esp3ce, g@chis,
# m€rde, f*tre), by article key and comment id as written above.
TOXIC = {
    "aulne-indemnisation-wp": [18219, 18226], "port-blocage-normandie": [613], "port-accord-estuaire": [2],
    "velo-lyon-bande-provisoire": [2], "budget-vote-txt": [3], "hopital-rassemblement-txt": [2],
    "marathon-resultat-anjou": [3], "aulne-crue-txt": [2],
}

CONTAINERS = [
    {"format": "warc", "path": "warc/crawl-2026-11.warc.gz",
     "records": [("velo-lyon-courrier", "2026-11-10T08:02:11Z"), ("velo-lyon-courrier-crawl2", "2026-11-12T20:14:52Z"),
                 ("marathon-preview-anjou", "2026-11-14T02:40:05Z"), ("hopital-ars-wp", "2026-11-17T04:11:37Z")]},
    {"format": "jsonl", "path": "jsonl/feed-2026-11-18.jsonl",
     "records": [("budget-reactions-jsonl", "text"), ("rennes-marche-wp", "html"), ("aulne-elus-jsonl", "text")]},
]

# Where veille's extraction does not yet give the right answer on these pages (measured with
# `veille extract`, November 22, 2026). The goldens pin current behaviour; fix extraction, then
# regenerate and review them.
KNOWN_ISSUES = [
    {"pages": "html/fil-des-monts-*.html", "field": "authors, body",
     "issue": "site tagline kept in the body; author 'Le Fil des Monts' (from 'Le Fil des Monts, avec APH') where the agency 'APH' is expected"},
]

# Pages that must not become articles. "expect": "error" (veille extract reports the page as
# failed), "not-french" (extracted, lang is not fr), "not-article" (extracted, but a review must
# leave it out: no date, no author, little running text).
BAD = [
    {"source": "bad/empty.html", "expect": "error", "why": "empty file (0 bytes)"},
    {"source": "bad/binary-junk.html", "expect": "error", "why": "binary data (a PNG header and random bytes) named .html"},
    {"source": "bad/truncated-page.html.gz", "expect": "error", "why": "gzip stream cut in the middle (no end of stream, no CRC)"},
    {"source": "bad/invalid-utf8.txt", "expect": "repaired", "why": "text page with invalid UTF-8 byte sequences (Latin-1 bytes, a lone continuation byte, an overlong encoding): the valid text is kept, each bad sequence becomes U+FFFD, never mojibake"},
    {"source": "bad/page-introuvable-404.html", "expect": "not-article", "why": "a French 404 error page (site chrome, search box, a few links)"},
    {"source": "bad/rubrique-finistere-listing.html", "expect": "not-article", "why": "a section listing: headlines, teasers and dates of ten articles, no article"},
    {"source": "bad/english-news-article.html", "expect": "not-french", "why": "a news article in English"},
]

_PAGE_404 = """<!DOCTYPE html>
<html lang="fr-FR"><head><meta charset="UTF-8"><title>Page introuvable | Le Phare de l’Ouest</title>
<meta name="robots" content="noindex"></head>
<body class="error404">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">Le Phare de l’Ouest</a></p>
<nav class="main-navigation"><ul><li><a href="/finistere/">Finistère</a></li><li><a href="/morbihan/">Morbihan</a></li><li><a href="/sports/">Sports</a></li></ul></nav></header>
<main id="main" class="site-main">
<section class="error-404 not-found">
<h1 class="page-title">Oups ! Cette page est introuvable.</h1>
<p>La page que vous cherchez a peut-être été supprimée ou déplacée. Essayez une recherche :</p>
<form role="search" action="/"><input type="search" name="s" placeholder="Rechercher…"><button>Rechercher</button></form>
<h2>Les derniers articles</h2>
<ul><li><a href="/a">Crue de l’Aulne : Châteaulin sous les eaux</a></li><li><a href="/b">Lannion : les urgences fermées la nuit</a></li></ul>
</section></main>
<footer class="site-footer"><p>© 2026 Le Phare de l’Ouest — Mentions légales</p></footer>
</body></html>
"""

_LISTING_ITEMS = [
    ("Crue de l’Aulne : le fonds d’urgence voté à Châteaulin", "Le conseil municipal a adopté jeudi un fonds de 250 000 euros.", "19/11/2026"),
    ("Quimper : la patinoire de Noël installée place Saint-Corentin", "Elle ouvrira le 5 décembre.", "18/11/2026"),
    ("Brest : un nouveau ferry pour Ouessant en 2028", "La région a validé la commande.", "17/11/2026"),
    ("Douarnenez : la criée enregistre une saison record", "Plus de 4 000 tonnes débarquées depuis janvier.", "16/11/2026"),
    ("Crue de l’Aulne : l’état de catastrophe naturelle reconnu", "Trois communes concernées.", "13/11/2026"),
    ("Morlaix : le viaduc illuminé pour les fêtes", "Un spectacle chaque soir à 18 heures.", "12/11/2026"),
    ("Concarneau : la ville close rouvre après travaux", "Les remparts sont de nouveau accessibles.", "10/11/2026"),
    ("Landerneau : le pont habité en travaux jusqu’en mars", "Circulation alternée.", "09/11/2026"),
    ("Crozon : la presqu’île accueille le Tour de Bretagne cycliste", "Arrivée prévue à Morgat.", "06/11/2026"),
    ("Crue de l’Aulne : Châteaulin sous les eaux, la RN164 coupée", "Une centaine de foyers évacués.", "02/11/2026"),
]

_LISTING = ("""<!DOCTYPE html>
<html lang="fr-FR"><head><meta charset="UTF-8"><title>Finistère – Toute l’actualité | Le Phare de l’Ouest</title></head>
<body class="archive category category-finistere">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">Le Phare de l’Ouest</a></p></header>
<div class="ad ad-banner"><span class="ad-label">Publicité</span><p>Cuisines Kerlann</p></div>
<main id="main" class="site-main">
<header class="page-header"><h1 class="page-title">Finistère</h1></header>
""" + "".join(f"""<article class="post type-post"><h2 class="entry-title"><a href="/{n}/">{t}</a></h2>
<div class="entry-meta"><time>{d}</time></div><div class="entry-summary"><p>{x}</p></div></article>
""" for n, (t, x, d) in enumerate(_LISTING_ITEMS)) + """<nav class="pagination"><a href="/finistere/page/2/">Page suivante</a></nav>
</main>
<footer class="site-footer"><p>© 2026 Le Phare de l’Ouest</p></footer>
</body></html>
""")

_ENGLISH = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Port of Le Havre: dockers strike over terminal automation – Channel Shipping News</title>
<meta property="og:type" content="article"><meta property="article:published_time" content="2026-11-06T09:00:00+00:00"></head>
<body><header><a href="/">Channel Shipping News</a></header>
<article><h1>Port of Le Havre: dockers strike over terminal automation</h1>
<p class="byline">By Harriet Cole, 6 November 2026</p>
<p>Dockers at Le Havre, France’s largest container port, walked out on Thursday morning over plans to automate part of the Porte Océane 2 terminal. Unions say that the project could cost about 300 handling jobs by 2030.</p>
<p>No vessel had been worked by mid-morning, according to the harbour master’s office, and several hundred lorries were queuing outside the terminals by lunchtime. The unions have called a rolling strike in forty-eight-hour periods and will hold a general meeting on Saturday.</p>
<p>Terminal operators argue that the investment, estimated at 420 million euros, is needed to compete with Antwerp and Rotterdam, which have already automated much of their handling. They say that retraining will be fully funded and that no docker will be laid off.</p>
<p>The French transport ministry said it was following the situation closely and urged both sides to talk. The last major dispute at the port, in the spring of 2023, led to dozens of ships being diverted to neighbouring ports.</p>
</article>
<footer><p>© 2026 Channel Shipping News. All rights reserved.</p></footer>
</body></html>
"""


def _junk():
    import hashlib
    out = bytearray(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    seed = b"veille"
    while len(out) < 4096:
        seed = hashlib.sha256(seed).digest()
        out += seed
    return bytes(out[:4096])


def _truncated_gzip():
    import gzip
    page = ARTICLES[0]["body"].encode("utf-8")
    page = b"<html><head><meta charset=utf-8><title>Page</title></head><body><p>" + page + b"</p></body></html>"
    data = gzip.compress(page, mtime=0)
    return data[: len(data) // 2]


def _invalid_utf8():
    return ("Châteaulin : la crue vue du ciel\n\n".encode("utf-8")
            + "Les images prises par le drone des pompiers montrent l’étendue de l’inondation".encode("utf-8")
            + b" sur les quais de Ch\xe2teaulin et \xe0 Port-Launay, lundi matin.\n\n"
            + b"Un octet de continuation isol\x80 ici, et un encodage trop long \xc0\xaf l\xe0.\n")


def bad_content(source):
    return {
        "bad/empty.html": lambda: b"",
        "bad/binary-junk.html": _junk,
        "bad/truncated-page.html.gz": _truncated_gzip,
        "bad/invalid-utf8.txt": _invalid_utf8,
        "bad/page-introuvable-404.html": lambda: _PAGE_404.encode("utf-8"),
        "bad/rubrique-finistere-listing.html": lambda: _LISTING.encode("utf-8"),
        "bad/english-news-article.html": lambda: _ENGLISH.encode("utf-8"),
    }[source]()
