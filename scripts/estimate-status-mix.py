#!/usr/bin/env python3
"""Estimate the qualification status mix of generated journeys.

Reads `crosshub generate` JSON lines (stdin or a file) and derives each
contact's scoring features as of its newest event. It scores them with the
cross-hub model's rules and points and crosshub's documented deviations: an
NPS of 0 is a detractor, no recency points without engagement, job titles
matched on whole words, employee counts mapped to size bands. It prints the
share of contacts per status, the statuses per journey depth and a score
histogram.

This is an estimate for tuning the generator: the service's own fold and
scorer are the reference, and where their feature definitions differ (for
example which events count as sales activities) the mix moves a little.
Lines that do not parse or lack an envelope field are skipped, duplicate
event ids are folded once, and a contact whose events still break the
arithmetic (a wrong-typed field) is left out and counted. Estimate on output
generated without --invalid-rate for exact counts.
"""
import collections
import datetime
import json
import re
import sys

DAY = 86400

STAGE_POINTS = {
    "appointment scheduled": 5, "appointmentscheduled": 5,
    "qualified to buy": 15, "qualifiedtobuy": 15,
    "presentation scheduled": 20, "presentationscheduled": 20,
    "decision maker bought-in": 30, "decisionmakerboughtin": 30,
    "contract sent": 40, "contractsent": 40,
    "closed won": 50, "closedwon": 50,
}
STAGE_ORDER = ["appointmentscheduled", "qualifiedtobuy", "presentationscheduled",
               "decisionmakerboughtin", "contractsent", "closedwon"]
ENGAGEMENT = {"marketing.page_viewed", "marketing.form_submitted", "marketing.content_downloaded",
              "marketing.email_opened", "marketing.email_clicked", "sales.meeting_attended",
              "sales.call_logged", "sales.email_replied", "service.ticket_opened",
              "service.csat_submitted", "service.nps_submitted"}
SALES_ACTIVITY = {"sales.activity_logged", "sales.call_logged", "sales.meeting_booked"}
TARGET_INDUSTRIES = {"Technology", "Healthcare", "Financial Services", "Manufacturing", "Retail"}
SECONDARY_INDUSTRIES = {"Education", "Professional Services", "Media", "Telecommunications"}
SIZE_POINTS = {"Enterprise (1000+ employees)": 25, "Mid-Market (101-999 employees)": 25,
               "Small Business (11-100 employees)": 15, "Startup (1-10 employees)": 10}


def parse_time(text):
    return int(datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp())


def stage_key(stage):
    return stage.lower().replace(" ", "").replace("-", "")


def employee_band(count):
    if count >= 1000:
        return "Enterprise (1000+ employees)"
    if count >= 101:
        return "Mid-Market (101-999 employees)"
    if count >= 11:
        return "Small Business (11-100 employees)"
    return "Startup (1-10 employees)"


def has_word(title, word):
    return re.search(r"\b" + re.escape(word.lower()) + r"\b", title.lower()) is not None


def features(events):
    events.sort(key=lambda e: (e["t"], e["event_id"]))
    as_of = events[-1]["t"]
    f = {"lead_score": None, "mql": None}
    counts = collections.Counter(e["type"] for e in events)
    latest = {}
    delivered, opened, clicked = set(), set(), set()
    deal_stages = {}
    csat = []
    nps = usage = None
    expansion = 0
    customer = False
    since = None
    call_minutes = 0
    high_value = 0
    override = None
    for e in events:
        kind, data, t = e["type"], e["data"], e["t"]
        if kind == "marketing.lead_score_changed":
            f["lead_score"] = data["lead_score"]
        elif kind == "marketing.mql_changed":
            f["mql"] = data["mql"]
        elif kind == "contact.profile_updated":
            latest.update(data)
        elif kind == "marketing.page_viewed" and data.get("high_value") is True:
            high_value += 1
        elif kind.startswith("marketing.email_") and t >= as_of - 90 * DAY:
            campaign = data["campaign_id"]
            delivered.add(campaign)
            if kind != "marketing.email_delivered":
                opened.add(campaign)
            if kind == "marketing.email_clicked":
                clicked.add(campaign)
        elif kind in ("sales.deal_created", "sales.deal_stage_changed"):
            deal_stages.setdefault(data["deal_id"], []).append(stage_key(data["stage"]))
        elif kind == "sales.call_logged":
            call_minutes += data["duration_minutes"]
        elif kind == "service.customer_status_changed":
            customer = data["customer"]
            if "since" in data:
                since = parse_time(data["since"])
            elif customer:
                since = t
            else:
                since = None
        elif kind == "service.csat_submitted":
            csat.append(data["score"])
        elif kind == "service.nps_submitted":
            nps = data["score"]
        elif kind == "service.product_usage_reported":
            usage = data["usage_score"]
        elif kind == "service.expansion_recorded":
            expansion += data["amount"]
        elif kind == "qualification.override_set":
            override = (data["status"], parse_time(data["expires_at"]) if "expires_at" in data else None)
        elif kind == "qualification.override_cleared":
            override = None

    best_stage = None
    for stages in deal_stages.values():
        for stage in stages:
            if stage in STAGE_ORDER and (best_stage is None or STAGE_ORDER.index(stage) > STAGE_ORDER.index(best_stage)):
                best_stage = stage
    engagement_times = [e["t"] for e in events if e["type"] in ENGAGEMENT]
    recency = (as_of - max(engagement_times)) // DAY if engagement_times else None
    weeks = {(as_of - t) // (7 * DAY) for t in engagement_times if as_of - t < 56 * DAY}
    last14 = sum(1 for t in engagement_times if as_of - t < 14 * DAY)
    prev14 = sum(1 for t in engagement_times if 14 * DAY <= as_of - t < 28 * DAY)

    size = latest.get("company_size")
    if size is None and "employees" in latest:
        size = employee_band(latest["employees"])
    active_override = None
    if override and (override[1] is None or override[1] > as_of):
        active_override = override[0]
    return {
        "lead_score": f["lead_score"], "mql": f["mql"] is True,
        "forms": counts["marketing.form_submitted"], "downloads": counts["marketing.content_downloaded"],
        "open_rate": len(opened) / len(delivered) if delivered else 0,
        "click_rate": len(clicked) / len(delivered) if delivered else 0,
        "high_value": high_value,
        "activities": sum(counts[k] for k in SALES_ACTIVITY),
        "meeting_showed": counts["sales.meeting_attended"] > 0,
        "deal_created": bool(deal_stages), "deal_stage": best_stage,
        "objections": counts["sales.objection_raised"], "replies": counts["sales.email_replied"],
        "call_minutes": int(call_minutes),
        "customer": customer, "days_as_customer": (as_of - since) // DAY if customer and since else 0,
        "tickets": counts["service.ticket_opened"], "csat": sum(csat) / len(csat) if csat else None,
        "nps": nps, "usage": usage, "expansion": expansion,
        "industry": latest.get("industry"), "size": size, "revenue": latest.get("annual_revenue"),
        "title": latest.get("job_title"), "function": latest.get("job_function"),
        "decision_maker": latest.get("decision_maker") is True,
        "recency": recency, "frequency": len(weeks) / 8, "velocity": (last14 - prev14) / max(1, last14 + prev14),
        "override": active_override,
    }


def points_from(value, tiers, otherwise):
    """Return the points of the first (threshold, points) tier that value reaches."""
    for threshold, points in tiers:
        if value >= threshold:
            return points
    return otherwise


def points_within(value, tiers, otherwise):
    """Return the points of the first (limit, points) tier that value stays within."""
    for limit, points in tiers:
        if value <= limit:
            return points
    return otherwise


def marketing_score(f):
    m = 0.0
    if f["lead_score"]:
        m += f["lead_score"] * 0.5
    if f["mql"]:
        m += 20
    m += min(f["forms"] * 5, 15)
    m += min(f["downloads"] * 5, 15)
    if f["open_rate"] > 0.2:
        m += 5
    if f["click_rate"] > 0.1:
        m += 10
    m += min(f["high_value"] * 3, 15)
    return min(m, 100)


def sales_score(f):
    s = min(f["activities"] * 5, 20)
    if f["meeting_showed"]:
        s += 25
    if f["deal_created"]:
        s += 20
    s += STAGE_POINTS.get(f["deal_stage"] or "", 0)
    s += min(f["replies"] * 5, 15)
    if f["call_minutes"] > 0:
        # Strictly longer than 30, 15 and 5 minutes.
        s += points_from(f["call_minutes"], [(31, 20), (16, 15), (6, 10)], 5)
    s -= min(f["objections"] * 5, 15)
    return max(0, min(s, 100))


def service_score(f):
    v = 50
    if not f["customer"]:
        return v
    # Strictly longer than 730, 365, 180 and 90 days.
    v += points_from(f["days_as_customer"], [(731, 20), (366, 15), (181, 10), (91, 5)], 0)
    if f["csat"]:
        v += points_from(f["csat"], [(9, 20), (8, 15), (7, 5), (5, -10)], -20)
    if f["nps"] is not None:
        v += points_from(f["nps"], [(9, 20), (7, 10)], -15)
    v += points_from(f["tickets"], [(11, -15), (6, -5)], 0)
    if f["usage"]:
        v += points_from(f["usage"], [(80, 20), (50, 10)], 0)
    if f["expansion"] > 0:
        v += 15
    return max(0, min(v, 100))


def demographic_score(f):
    d = 0
    if f["industry"] in TARGET_INDUSTRIES:
        d += 25
    elif f["industry"] in SECONDARY_INDUSTRIES:
        d += 15
    elif f["industry"]:
        d += 5
    d += SIZE_POINTS.get(f["size"] or "", 0)
    if f["revenue"]:
        d += points_from(f["revenue"], [(100_000_000, 25), (10_000_000, 20), (1_000_000, 15)], 5)

    title = f["title"] or ""
    executive_words = ["CEO", "CTO", "CIO", "CFO", "COO", "CMO", "President", "Owner", "Founder"]
    if has_word(title, "Vice President") or has_word(title, "Product Owner"):
        executive_words = ["CEO", "CTO", "CIO", "CFO", "COO", "CMO", "Founder"]
    executive = any(has_word(title, word) for word in executive_words)
    senior = any(has_word(title, word) for word in ["VP", "Director", "Head", "Senior Manager", "Vice President"])
    if executive:
        d += 25
    elif senior:
        d += 20
    elif f["function"] in ("Marketing", "Sales", "IT", "Operations"):
        d += 15
    elif title:
        d += 5
    if f["decision_maker"]:
        d += 25
    return min(d, 100)


def behavioral_score(f):
    b = 0
    if f["recency"] is not None:
        b += points_within(f["recency"], [(1, 30), (7, 25), (14, 20), (30, 15), (90, 5)], 0)
    b += points_from(f["frequency"], [(0.8, 30), (0.6, 25), (0.4, 15), (0.2, 10)], 0)
    b += points_from(f["velocity"], [(0.8, 40), (0.5, 30), (0.2, 20), (0, 10)], 0)
    return min(b, 100)


def score(f):
    unified = (marketing_score(f) * 0.25 + sales_score(f) * 0.25 + service_score(f) * 0.15
               + demographic_score(f) * 0.15 + behavioral_score(f) * 0.20)
    return int(unified + 0.5)


def status(total):
    if total >= 80:
        return "SALES_QUALIFIED_LEAD"
    if total >= 60:
        return "MARKETING_QUALIFIED_LEAD"
    if total >= 40:
        return "LEAD"
    return "SUBSCRIBER"


DEPTHS = ["deal", "sales", "form", "web", "email only"]


def journey_depth(events):
    types = {e["type"] for e in events}
    if types & {"sales.deal_created", "sales.deal_stage_changed"}:
        return "deal"
    if types & {"sales.meeting_booked", "sales.call_logged", "sales.email_replied", "sales.activity_logged"}:
        return "sales"
    if "marketing.form_submitted" in types:
        return "form"
    if "marketing.page_viewed" in types:
        return "web"
    return "email only"


def main():
    # Invalid lines may hold broken UTF-8; replacing it keeps them unreadable as events.
    if len(sys.argv) > 1:
        source = open(sys.argv[1], encoding="utf-8", errors="replace")
    else:
        source = open(sys.stdin.fileno(), encoding="utf-8", errors="replace")
    by_contact = collections.defaultdict(list)
    seen = set()
    skipped = 0
    for line in source:
        try:
            event = json.loads(line.split("\t", 1)[-1])
            event["t"] = parse_time(event["occurred_at"])
            if not isinstance(event["data"], dict):
                raise TypeError("data is not an object")
            for field in ("event_id", "contact_id", "type"):
                if not isinstance(event[field], str) or not event[field]:
                    raise TypeError(field + " is not a non-empty string")
        except (ValueError, KeyError, TypeError, AttributeError):
            skipped += 1
            continue
        if event.get("event_id") in seen:
            continue
        seen.add(event.get("event_id"))
        by_contact[event["contact_id"]].append(event)

    statuses = collections.Counter()
    histogram = collections.Counter()
    by_depth = collections.defaultdict(collections.Counter)
    unscored = 0
    for events in by_contact.values():
        # A wrong-typed field of an invalid line that did parse breaks the
        # feature arithmetic; such a contact is counted and left out.
        try:
            f = features(events)
            total = score(f)
        except (KeyError, TypeError, ValueError):
            unscored += 1
            continue
        histogram[min(total // 10 * 10, 90)] += 1
        final = f["override"] or status(total)
        statuses[final] += 1
        by_depth[journey_depth(events)][final] += 1

    contacts = sum(statuses.values())
    print(f"contacts {contacts}, lines skipped as unreadable {skipped}, contacts left out for invalid fields {unscored}")
    for name in ["SUBSCRIBER", "LEAD", "MARKETING_QUALIFIED_LEAD", "SALES_QUALIFIED_LEAD"]:
        print(f"  {name:<26} {statuses[name]:>7}  {100 * statuses[name] / max(1, contacts):5.1f} %")
    print("status by the deepest touch of the journey (subscriber, lead, MQL, SQL):")
    for depth in DEPTHS:
        row = by_depth[depth]
        print(f"  {depth:<12} {sum(row.values()):>7}: " + " ".join(
            f"{row[name]:>6}" for name in ["SUBSCRIBER", "LEAD", "MARKETING_QUALIFIED_LEAD", "SALES_QUALIFIED_LEAD"]))
    print("score histogram: " + ", ".join(f"{k}-{k + 9}: {histogram[k]}" for k in sorted(histogram)))


if __name__ == "__main__":
    main()
