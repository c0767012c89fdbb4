#!/usr/bin/env python3
"""Scores a press review of samples/ against samples/EXPECTED.json: duplicate groups found,
pairwise precision and recall of stories and of threads over the good pages.

    ./build/veille review --db /tmp/samples.db samples/ --format json -o /tmp/review.json
    python3 scripts/score_samples_review.py /tmp/review.json

Pages are matched by title; a copy listed under a source's "duplicates" (which carry no title) is
matched by its site and publication date. Standard library only.
"""
import itertools
import json
import os
import sys


def pairwise(items, same_gold, same_pred):
    tp = fp = fn = 0
    for a, b in itertools.combinations(items, 2):
        g, p = same_gold(a, b), same_pred(a, b)
        tp += g and p
        fp += p and not g
        fn += g and not p
    return (tp / (tp + fp) if tp + fp else 1.0), (tp / (tp + fn) if tp + fn else 1.0)


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    review = json.load(open(sys.argv[1], encoding="utf-8"))
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "samples")
    expected = json.load(open(os.path.join(root, "EXPECTED.json"), encoding="utf-8"))
    story_of = {p["title"]: p["story"] for p in expected["pages"]}
    by_site_date = {(p["site"], p["published"]): p["title"] for p in expected["pages"]}
    thread_of_story = {s: t for t, stories in expected["threads"].items() for s in stories}

    pred_story, dup_links = {}, []
    for st in review["stories"]:
        for src in st["sources"]:
            pred_story.setdefault(src["title"], set()).add(st["id"])
            for d in src.get("duplicates", []):
                t = by_site_date.get((d.get("site"), (d.get("published") or "")[:10]))
                if t:
                    pred_story.setdefault(t, set()).add(st["id"])
                    dup_links.append((src["title"], t))
    pred_thread = {sid: t["id"] for t in review["threads"] for sid in t["stories"]}

    titles = [t for t in story_of if t in pred_story]
    print(f"good pages found in the review: {len(titles)} of {len(story_of)} distinct titles")
    for g in expected["duplicate_groups"]:
        members = {p["title"] for p in expected["pages"] if p["source"] in g["pages"]}
        found = [pair for pair in dup_links if pair[0] in members and pair[1] in members]
        grouped = len(members) == 1 or len({s for t in members for s in pred_story.get(t, ())}) == 1
        print(f"duplicate group {g['kind']}: {len(found)} copy links shown, all in one story: {grouped}")
    p, r = pairwise(titles, lambda a, b: story_of[a] == story_of[b],
                    lambda a, b: bool(pred_story[a] & pred_story[b]))
    print(f"stories, pairwise: P {p:.3f} R {r:.3f}")

    def gold_thread(a, b):
        ta, tb = thread_of_story.get(story_of[a]), thread_of_story.get(story_of[b])
        return ta is not None and ta == tb

    def pred_thread_same(a, b):
        ta = {pred_thread.get(s) for s in pred_story[a]} - {None}
        tb = {pred_thread.get(s) for s in pred_story[b]} - {None}
        return bool(ta & tb)

    p, r = pairwise(titles, gold_thread, pred_thread_same)
    print(f"threads, pairwise: P {p:.3f} R {r:.3f}")
    bad_titles = [st["title"] for st in review["stories"] if not any(s["title"] in story_of for s in st["sources"])]
    print(f"stories made only of pages that are not sample articles (bad pages): {len(bad_titles)}")


if __name__ == "__main__":
    main()
