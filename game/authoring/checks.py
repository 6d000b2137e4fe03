"""Semantic checks on a structurally valid scenario: ids that exist, sizes, order, consistency."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass

from game.authoring import model as fm
from game.authoring import vocabulary as vf

# UN sizes the rules depend on: GA res. 60/251 (HRC, 47 seats); UN Charter Art. 23 (UNSC, 15 seats,
# five of them permanent).
KNOWN_SIZES = {"HRC": 47, "UNSC": 15}
DRAFT_HOOKS = ("opposition", "before_vote", "after_vote")


@dataclass(frozen=True)
class Finding:
    file: str  # "scenario" or "members"
    path: tuple
    message: str
    key: bool = False  # point at the key rather than its value


@dataclass(frozen=True)
class _Ref:
    path: tuple
    space: str
    id: str


def did_you_mean(word: str, known) -> str:
    close = difflib.get_close_matches(str(word), [str(k) for k in known], n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


# -- walking conditions and effects -------------------------------------------------------------


def condition_refs(m, path: tuple) -> Iterator[_Ref | tuple]:
    """References made by a condition; ("draft", path, name) marks draft-only conditions."""
    if m is None:
        return
    t = type(m)
    if t is vf.CMeter:
        yield _Ref(path + ("meter",), "meter", m.meter)
    elif t is vf.CRelation:
        yield _Ref(path + ("relation",), "relation", m.relation)
    elif t is vf.CMilestone:
        yield _Ref(path + ("milestone",), "milestone", m.milestone)
    elif t is vf.CFlag:
        yield _Ref(path + ("flag",), "flag_tested", m.flag)
    elif t is vf.CDraftHas:
        yield _Ref(path + ("draft_has",), "clause", m.draft_has)
        yield ("draft", path, "draft_has")
    elif t is vf.CBody:
        for i, b in enumerate(m.body if isinstance(m.body, list) else [m.body]):
            yield _Ref(path + ("body",) + ((i,) if isinstance(m.body, list) else ()), "body", b)
        yield ("draft", path, "body")
    elif t is vf.CVoteKind:
        yield ("draft", path, "vote_kind")
    elif t is vf.CInSession:
        yield _Ref(path + ("in_session",), "body", m.in_session)
    elif t is vf.CSits:
        yield _Ref(path + ("sits",), "member", m.sits)
        if m.in_ is not None:
            yield _Ref(path + ("in",), "body", m.in_)
        else:
            yield ("draft", path, "sits (without 'in')")
    elif t is vf.COutcome:
        yield ("outcome", path, "outcome")
    elif t is vf.CLeverUsed:
        yield _Ref(path + ("lever_used",), "lever", m.lever_used)
    elif t is vf.CSponsoredBy:
        yield _Ref(path + ("sponsored_by",), "actor", m.sponsored_by)
        yield ("draft", path, "sponsored_by")
    elif t is vf.CDraftTabled:
        if m.draft_tabled.body:
            yield _Ref(path + ("draft_tabled", "body"), "body", m.draft_tabled.body)
        if m.draft_tabled.sponsor:
            yield _Ref(path + ("draft_tabled", "sponsor"), "actor", m.draft_tabled.sponsor)
    elif t is vf.CChoiceMade:
        yield _Ref(path + ("choice_made",), "choice", m.choice_made)
        if m.option:
            yield _Ref(path + ("option",), "option:" + m.choice_made, m.option)
    elif t is vf.CAll:
        for i, item in enumerate(m.all):
            yield from condition_refs(item, path + ("all", i))
    elif t is vf.CAny:
        for i, item in enumerate(m.any):
            yield from condition_refs(item, path + ("any", i))
    elif t is vf.CNot:
        yield from condition_refs(m.not_, path + ("not",))


def selector_refs(m: vf.Selector, path: tuple) -> Iterator[_Ref | tuple]:
    for i, x in enumerate(m.members):
        yield _Ref(path + ("members", i), "member", x)
    for i, x in enumerate(m.groups):
        yield _Ref(path + ("groups", i), "group", x)
    for i, x in enumerate(m.blocs):
        yield _Ref(path + ("blocs", i), "bloc", x)
    if m.chosen:
        yield ("chosen", path, "chosen")
    if m.sitting:
        yield ("draft", path, "sitting")
    if not (m.members or m.groups or m.blocs or m.everyone or m.chosen):
        yield ("empty", path, "")


def effect_refs(m, path: tuple) -> Iterator[_Ref | tuple]:
    t = type(m)
    if t is vf.EMeter:
        yield _Ref(path + ("meter",), "meter", m.meter)
    elif t is vf.EMilestone:
        yield _Ref(path + ("milestone",), "milestone", m.milestone)
    elif t is vf.EFlag:
        yield _Ref(path + ("flag",), "flag_set", m.flag)
    elif t is vf.EClearFlag:
        yield _Ref(path + ("clear_flag",), "flag_set", m.clear_flag)
    elif t is vf.ECastVote:
        yield _Ref(path + ("cast_vote", "member"), "member", m.cast_vote.member)
        yield ("draft", path, "cast_vote")
    elif t is vf.ECallVote:
        yield _Ref(path + ("call_recorded_vote",), "member", m.call_recorded_vote)
        yield ("draft", path, "call_recorded_vote")
    elif t is vf.ETableAmendment:
        yield _Ref(path + ("table_amendment", "by"), "mover", m.table_amendment.by)
        for i, cid in enumerate(m.table_amendment.deletes):
            yield _Ref(path + ("table_amendment", "deletes", i), "clause", cid)
        yield ("draft", path, "table_amendment")
    elif t is vf.ETableNoAction:
        yield _Ref(path + ("table_no_action", "by"), "mover", m.table_no_action.by)
        yield ("draft", path, "table_no_action")
    elif t is vf.EShift:
        sh = m.shift
        yield from selector_refs(sh, path + ("shift",))
        if sh.source:
            yield _Ref(path + ("shift", "source"), "actor", sh.source)
        if sh.scale_by:
            yield _Ref(path + ("shift", "scale_by"), "affinity", sh.scale_by)
        if sh.body:
            yield _Ref(path + ("shift", "body"), "body", sh.body)
    elif t is vf.EOfferChoice:
        yield from choice_refs(m.offer_choice, path + ("offer_choice",))
    elif t is vf.EDropClause:
        yield _Ref(path + ("drop_clause",), "clause", m.drop_clause)
        yield ("draft", path, "drop_clause")
    elif t is vf.EAddClause:
        yield _Ref(path + ("add_clause",), "clause", m.add_clause)
        yield ("draft", path, "add_clause")
    elif t is vf.ETableDraft:
        d = m.table_draft
        yield _Ref(path + ("table_draft", "body"), "body", d.body)
        yield _Ref(path + ("table_draft", "sponsor"), "actor", d.sponsor)
        for i, cid in enumerate(d.clauses):
            yield _Ref(path + ("table_draft", "clauses", i), "clause", cid)
        yield ("kind", path + ("table_draft", "kind"), (d.body, d.kind))
    elif t is vf.ECosponsor:
        yield _Ref(path + ("cosponsor",), "actor", m.cosponsor)
        yield ("draft", path, "cosponsor")
    elif t is vf.EIf:
        yield from condition_refs(m.if_, path + ("if",))
        for i, x in enumerate(m.then):
            yield from effect_refs(x, path + ("then", i))
        for i, x in enumerate(m.else_):
            yield from effect_refs(x, path + ("else", i))


def choice_refs(m: vf.ChoiceSpec, path: tuple) -> Iterator[_Ref | tuple]:
    yield ("choice_def", path, m)
    for i, o in enumerate(m.options):
        yield from condition_refs(o.requires, path + ("options", i, "requires"))
        for j, x in enumerate(o.effects):
            yield from effect_refs(x, path + ("options", i, "effects", j))


def effects_refs(items, path: tuple) -> Iterator[_Ref | tuple]:
    for i, x in enumerate(items):
        yield from effect_refs(x, path + (i,))


# -- the checks -------------------------------------------------------------------------------


def check_members_file(data: fm.MembersFile) -> list[Finding]:
    out: list[Finding] = []
    groups = {g.id for g in data.groups}
    blocs = {b.id for b in data.blocs}
    for name, items in (("groups", data.groups), ("blocs", data.blocs), ("members", data.members)):
        out += _duplicates("members", name, items)
    names: dict[str, int] = {}
    for i, m in enumerate(data.members):
        if m.group not in groups:
            out.append(
                Finding(
                    "members",
                    ("members", i, "group"),
                    f"unknown group {m.group!r}{did_you_mean(m.group, groups)}",
                )
            )
        for j, b in enumerate(m.blocs):
            if b not in blocs:
                out.append(
                    Finding(
                        "members",
                        ("members", i, "blocs", j),
                        f"unknown bloc {b!r}{did_you_mean(b, blocs)}",
                    )
                )
        if m.name in names:
            out.append(
                Finding(
                    "members",
                    ("members", i, "name"),
                    f"the name {m.name!r} is already used by members[{names[m.name]}]",
                )
            )
        names.setdefault(m.name, i)
    return out


def _duplicates(file: str, section: str, items, attr: str = "id") -> list[Finding]:
    seen: dict[str, int] = {}
    out = []
    for i, item in enumerate(items):
        value = getattr(item, attr)
        if value in seen:
            out.append(
                Finding(
                    file,
                    (section, i, attr),
                    f"duplicate {attr} {value!r} (first used at {section}[{seen[value]}])",
                )
            )
        else:
            seen[value] = i
    return out


def check_scenario(f: fm.ScenarioFile, data: fm.MembersFile) -> list[Finding]:
    return _ScenarioChecker(f, data).run()


class _ScenarioChecker:
    def __init__(self, f: fm.ScenarioFile, data: fm.MembersFile) -> None:
        self.f = f
        self.data = data
        self.out: list[Finding] = []
        over = {o.id: o for o in f.members.overrides}
        self.member_groups = {
            m.id: (over[m.id].group if m.id in over and over[m.id].group else m.group)
            for m in data.members
        }
        self.space: dict[str, set] = {
            "member": {m.id for m in data.members},
            "group": {g.id for g in data.groups},
            "bloc": {b.id for b in data.blocs},
            "actor": {a.id for a in f.actors},
            "body": {b.id for b in f.bodies},
            "meter": {m.id for m in f.meters},
            "milestone": {m.id for m in f.milestones},
            "clause": {c.id for c in f.clauses},
            "lever": {lv.id for lv in f.levers},
            "affinity": {k for m in data.members for k in m.affinity} | {a.id for a in f.actors},
        }
        self.space["mover"] = self.space["actor"] | self.space["member"]
        self.space["relation"] = {a.id for a in f.actors if a.relation_meter}
        self.choices: dict[str, tuple] = {}
        self.pending_choice_refs: list[_Ref] = []
        self.flags_set: set[str] = set()
        self.flag_tests: list[_Ref] = []

    def error(self, path: tuple, message: str, key: bool = False) -> None:
        self.out.append(Finding("scenario", path, message, key))

    def run(self) -> list[Finding]:
        f = self.f
        for section in (
            "actors",
            "bodies",
            "meters",
            "milestones",
            "clauses",
            "levers",
            "scripts",
            "events",
        ):
            self.out += _duplicates("scenario", section, getattr(f, section))
        self.out += _duplicates("scenario", "calendar", f.calendar, "date")
        self._members()
        self._actors()
        self._bodies()
        self._calendar()
        self._meters()
        self._clauses()
        self._drafting()
        self._levers()
        self._scripts()
        self._events()
        self._score()
        self._vote_model()
        self._history()
        self._flags()
        return self.out

    # -- reference resolution ---------------------------------------------------------------
    def refs(
        self, items, where: str, has_draft: bool, has_outcome: bool = False, chosen_ok: bool = False
    ) -> None:
        for r in items:
            if isinstance(r, _Ref):
                self.ref(r)
                continue
            tag, path, what = r
            if tag == "draft" and not has_draft:
                self.error(path, f"'{what}' acts on a draft, but {where} has none in context")
            elif tag == "outcome" and not has_outcome:
                self.error(
                    path,
                    f"'outcome' is only known after a vote (after_vote scripts); {where} has none",
                )
            elif tag == "chosen" and not chosen_ok:
                self.error(
                    path,
                    f"'chosen' means the lever's target, but {where} is not a lever with a target",
                )
            elif tag == "empty":
                self.error(path, "selects no one: give members, groups, blocs, everyone or chosen")
            elif tag == "kind":
                body_id, kind = what
                self._kind_fits(path, body_id, kind)
            elif tag == "choice_def":
                self._choice_def(path, what)

    def ref(self, r: _Ref) -> None:
        if r.space == "flag_set":
            self.flags_set.add(r.id)
            return
        if r.space == "flag_tested":
            self.flag_tests.append(r)
            return
        if r.space == "choice" or r.space.startswith("option:"):
            self.pending_choice_refs.append(r)  # choices may be defined further down the file
            return
        known = self.space[r.space]
        if r.id not in known:
            label = {
                "mover": "actor or member state",
                "affinity": "affinity key",
                "relation": "actor with a relation_meter",
            }.get(r.space, r.space.replace("_", " "))
            self.error(r.path, f"unknown {label} {r.id!r}{did_you_mean(r.id, known)}")

    def _choice_def(self, path: tuple, spec: vf.ChoiceSpec) -> None:
        if spec.id in self.choices:
            self.error(path + ("id",), f"duplicate choice id {spec.id!r}")
        self.choices[spec.id] = tuple(o.id for o in spec.options)
        for x in _duplicates("scenario", "options", spec.options):
            self.out.append(Finding("scenario", path + x.path, x.message))

    def _kind_fits(self, path: tuple, body_id: str, kind: str) -> None:
        body = next((b for b in self.f.bodies if b.id == body_id), None)
        if body is None:
            return
        allowed = (
            ("procedural", "substantive") if body.procedure == "security_council" else ("draft",)
        )
        if kind not in allowed:
            self.error(
                path,
                f"a {body.procedure.replace('_', ' ')} body takes {' or '.join(allowed)} texts, not {kind!r}",
            )

    # -- sections -----------------------------------------------------------------------------
    def _members(self) -> None:
        ref = self.f.members
        for i, o in enumerate(ref.overrides):
            p = ("members", "overrides", i)
            self.ref(_Ref(p + ("id",), "member", o.id))
            if o.group is not None:
                self.ref(_Ref(p + ("group",), "group", o.group))
            for j, b in enumerate(o.blocs or ()):
                self.ref(_Ref(p + ("blocs", j), "bloc", b))

    def _actors(self) -> None:
        f = self.f
        if f.player not in self.space["actor"]:
            self.error(
                ("player",),
                f"unknown actor {f.player!r}{did_you_mean(f.player, self.space['actor'])}",
            )
        if f.capital_meter not in self.space["meter"]:
            self.error(
                ("capital_meter",),
                f"unknown meter {f.capital_meter!r}{did_you_mean(f.capital_meter, self.space['meter'])}",
            )
        for i, a in enumerate(f.actors):
            if a.member is not None:
                self.ref(_Ref(("actors", i, "member"), "member", a.member))
            if a.relation_meter is not None:
                self.ref(_Ref(("actors", i, "relation_meter"), "meter", a.relation_meter))

    def _bodies(self) -> None:
        for i, b in enumerate(self.f.bodies):
            p = ("bodies", i)
            for j, m in enumerate(b.permanent):
                self.ref(_Ref(p + ("permanent", j), "member", m))
            if b.takes_up is not None:
                self.ref(_Ref(p + ("takes_up",), "body", b.takes_up))
                if b.takes_up == b.id:
                    self.error(p + ("takes_up",), "a body can't take up its own texts")
            if b.everyone:
                if b.membership or b.permanent:
                    self.error(
                        p + ("everyone",),
                        "a body where everyone sits lists no membership or permanent members",
                    )
                continue
            if not b.membership and not b.permanent:
                self.error(
                    p,
                    f"body {b.id!r} has no members: give a membership by year, or everyone: true",
                    key=False,
                )
            if b.procedure == "security_council":
                if len(b.permanent) != 5:
                    self.error(
                        p + ("permanent",),
                        f"the Security Council has 5 permanent members (UN Charter Art. 23), not {len(b.permanent)}",
                    )
            elif b.permanent:
                self.error(p + ("permanent",), "only a Security Council has permanent members")
            expected = KNOWN_SIZES.get(b.id, b.seats)
            if b.id in KNOWN_SIZES and b.seats is not None and b.seats != KNOWN_SIZES[b.id]:
                self.error(
                    p + ("seats",), f"the {b.id} has {KNOWN_SIZES[b.id]} seats, not {b.seats}"
                )
            years = []
            for j, ms in enumerate(b.membership):
                q = p + ("membership", j)
                years.append(ms.year)
                seen: set[str] = set()
                for k, m in enumerate(ms.members):
                    self.ref(_Ref(q + ("members", k), "member", m))
                    if m in seen:
                        self.error(q + ("members", k), f"{m} is listed twice")
                    if m in b.permanent:
                        self.error(
                            q + ("members", k),
                            f"{m} is a permanent member: list only the elected ones",
                        )
                    seen.add(m)
                total = len(set(ms.members)) + len(b.permanent)
                if expected is not None and total != expected:
                    what = "elected + permanent members" if b.permanent else "members"
                    self.error(
                        q + ("members",),
                        f"{b.id} in {ms.year} has {total} {what}; it must have {expected} seats",
                    )
            if len(set(years)) != len(years):
                self.error(p + ("membership",), "two membership lists for the same year")

    def _calendar(self) -> None:
        previous = None
        bodies = {b.id: b for b in self.f.bodies}
        for i, t in enumerate(self.f.calendar):
            if previous is not None and t.date <= previous:
                self.error(
                    ("calendar", i, "date"),
                    f"turn dates must increase: {t.date} comes after {previous}",
                )
            previous = t.date
            for j, s in enumerate(t.sessions):
                self.ref(_Ref(("calendar", i, "sessions", j), "body", s))
                body = bodies.get(s)
                first = min((ms.year for ms in body.membership), default=None) if body else None
                if first is not None and int(t.date[:4]) < first:
                    self.error(
                        ("calendar", i, "sessions", j),
                        f"{s} sits in {t.date[:4]} but its membership starts in {first}",
                    )
            if len(set(t.sessions)) != len(t.sessions):
                self.error(("calendar", i, "sessions"), "a body is listed twice")

    def _meters(self) -> None:
        for i, m in enumerate(self.f.meters):
            if m.min >= m.max:
                self.error(("meters", i, "max"), f"max ({m.max:g}) must be above min ({m.min:g})")
            elif not m.min <= m.start <= m.max:
                self.error(
                    ("meters", i, "start"), f"start ({m.start:g}) is outside [{m.min:g}, {m.max:g}]"
                )

    def _clauses(self) -> None:
        for i, c in enumerate(self.f.clauses):
            p = ("clauses", i)
            for j, b in enumerate(c.bodies):
                self.ref(_Ref(p + ("bodies", j), "body", b))
            for j, x in enumerate(c.excludes):
                self.ref(_Ref(p + ("excludes", j), "clause", x))
                if x == c.id:
                    self.error(p + ("excludes", j), "a clause can't exclude itself")
            self.refs(
                condition_refs(c.requires, p + ("requires",)),
                f"clause {c.id!r} 'requires'",
                has_draft=False,
            )
            for j, r in enumerate(c.reactions):
                q = p + ("reactions", j)
                for item in selector_refs(r, q):
                    if isinstance(item, tuple) and item[0] in ("chosen", "draft"):
                        self.error(
                            item[1],
                            "a clause reaction names states directly (members, groups, blocs, everyone)",
                        )
                    else:
                        self.refs([item], "a reaction", has_draft=False)
            self.refs(effects_refs(c.on_tabled, p + ("on_tabled",)), "'on_tabled'", has_draft=True)
            self.refs(
                effects_refs(c.on_adopted, p + ("on_adopted",)),
                "'on_adopted'",
                has_draft=True,
                has_outcome=True,
            )

    def _drafting(self) -> None:
        seen = set()
        for i, d in enumerate(self.f.drafting):
            p = ("drafting", i)
            self.ref(_Ref(p + ("body",), "body", d.body))
            if d.body in seen:
                self.error(p + ("body",), f"a second drafting rule for {d.body}")
            seen.add(d.body)
            self._kind_fits(p + ("kind",), d.body, d.kind)
            self.refs(
                condition_refs(d.requires, p + ("requires",)), "a drafting rule", has_draft=False
            )

    def _levers(self) -> None:
        for i, lv in enumerate(self.f.levers):
            p = ("levers", i)
            has_draft = lv.target == "draft"
            chosen_ok = lv.target in ("member", "group", "bloc", "group_or_bloc")
            where = f"lever {lv.id!r}"
            self.refs(condition_refs(lv.requires, p + ("requires",)), where, has_draft=has_draft)
            self.refs(
                effects_refs(lv.effects, p + ("effects",)),
                where,
                has_draft=has_draft,
                chosen_ok=chosen_ok,
            )

    def _scripts(self) -> None:
        for i, sc in enumerate(self.f.scripts):
            p = ("scripts", i)
            self.ref(_Ref(p + ("actor",), "actor", sc.actor))
            has_draft = sc.on in DRAFT_HOOKS
            where = f"a script run on '{sc.on}'"
            self.refs(
                condition_refs(sc.if_, p + ("if",)),
                where,
                has_draft,
                has_outcome=sc.on == "after_vote",
            )
            self.refs(
                effects_refs(sc.then, p + ("then",)),
                where,
                has_draft,
                has_outcome=sc.on == "after_vote",
            )

    def _events(self) -> None:
        dates = {t.date for t in self.f.calendar}
        for i, ev in enumerate(self.f.events):
            p = ("events", i)
            if ev.date is not None and ev.date not in dates:
                near = did_you_mean(ev.date, sorted(dates))
                self.error(
                    p + ("date",), f"no turn is dated {ev.date}: the event would never happen{near}"
                )
            where = f"event {ev.id!r}"
            self.refs(condition_refs(ev.if_, p + ("if",)), where, has_draft=False)
            self.refs(effects_refs(ev.effects, p + ("effects",)), where, has_draft=False)
            if ev.choice is not None:
                self.refs(choice_refs(ev.choice, p + ("choice",)), where, has_draft=False)

    def _score(self) -> None:
        for i, t in enumerate(self.f.score.tracks):
            for j, term in enumerate(t.terms):
                q = ("score", "tracks", i, "terms", j)
                if isinstance(term, fm.TMeter):
                    self.ref(_Ref(q + ("meter",), "meter", term.meter))
                elif isinstance(term, fm.TMilestone):
                    self.ref(_Ref(q + ("milestone",), "milestone", term.milestone))
                elif isinstance(term, fm.TFlag):
                    self.flag_tests.append(_Ref(q + ("flag",), "flag_tested", term.flag))
        for x in _duplicates("scenario", "tracks", self.f.score.tracks):
            self.out.append(Finding("scenario", ("score",) + x.path, x.message))

    def _vote_model(self) -> None:
        vm = self.f.vote_model
        for b in vm.bloc_cohesion:
            self.ref(_Ref(("vote_model", "bloc_cohesion", b), "bloc", b))
        if vm.intelligence_meter is not None:
            self.ref(_Ref(("vote_model", "intelligence_meter"), "meter", vm.intelligence_meter))
        blocs_of = {m.id: set(m.blocs) for m in self.data.members}
        for mid, blocs in blocs_of.items():
            pull = sum(w for b, w in vm.bloc_cohesion.items() if b in blocs)
            if pull > 1.0 + 1e-9:
                self.error(
                    ("vote_model", "bloc_cohesion"),
                    f"{mid} is pulled by its blocs with a total weight of {pull:g}; keep it at most 1",
                )
                break

    def _history(self) -> None:
        dates = {t.date for t in self.f.calendar}
        for i, h in enumerate(self.f.history):
            p = ("history", i)
            if h.date not in dates:
                self.error(
                    p + ("date",), f"no turn is dated {h.date}{did_you_mean(h.date, sorted(dates))}"
                )
            for j, a in enumerate(h.actions):
                q = p + ("actions", j)
                if isinstance(a, (fm.HTable, fm.HRevise)):
                    spec = a.table if isinstance(a, fm.HTable) else a.revise
                    key = "table" if isinstance(a, fm.HTable) else "revise"
                    self.ref(_Ref(q + (key, "body"), "body", spec.body))
                    for k, cid in enumerate(spec.clauses):
                        self.ref(_Ref(q + (key, "clauses", k), "clause", cid))
                elif isinstance(a, fm.HLever):
                    self.ref(_Ref(q + ("lever",), "lever", a.lever))
                    if a.target:
                        kind, _, ref = a.target.partition(":")
                        space = {
                            "member": "member",
                            "group": "group",
                            "bloc": "bloc",
                            "draft": "body",
                        }[kind]
                        self.ref(_Ref(q + ("target",), space, ref))
                elif isinstance(a, fm.HChoose):
                    self.pending_choice_refs.append(
                        _Ref(q + ("choose", "choice"), "choice", a.choose.choice)
                    )
                    self.pending_choice_refs.append(
                        _Ref(q + ("choose", "option"), "option:" + a.choose.choice, a.choose.option)
                    )
            for j, r in enumerate(h.record):
                q = p + ("record", j)
                self.ref(_Ref(q + ("body",), "body", r.body))
                if r.named is None:
                    continue
                for kind in ("yes", "no", "abstain"):
                    ids = getattr(r.named, kind)
                    for k, mid in enumerate(ids):
                        self.ref(_Ref(q + ("named", kind, k), "member", mid))
                    total = getattr(r, kind)
                    if total is not None and len(ids) > total:
                        self.error(
                            q + ("named", kind),
                            f"{len(ids)} states named as voting {kind}, but the tally says {total}",
                        )

    def _flags(self) -> None:
        for r in self.flag_tests:
            if r.id not in self.flags_set:
                self.error(
                    r.path,
                    f"flag {r.id!r} is tested but never set{did_you_mean(r.id, self.flags_set)}",
                )
        for r in self.pending_choice_refs:
            if r.space == "choice":
                if r.id not in self.choices:
                    self.error(r.path, f"unknown choice {r.id!r}{did_you_mean(r.id, self.choices)}")
            else:
                choice_id = r.space.partition(":")[2]
                options = self.choices.get(choice_id)
                if options is not None and r.id not in options:
                    self.error(
                        r.path,
                        f"choice {choice_id!r} has no option {r.id!r}{did_you_mean(r.id, options)}",
                    )
