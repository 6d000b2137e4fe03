"""Turns validated file models into the simulation's frozen Scenario."""

from __future__ import annotations

from game.authoring import model as fm
from game.authoring import vocabulary as vf
from game.sim import actions as act
from game.sim import conditions as c
from game.sim import effects as e
from game.sim import scenario as s


def _tuple(value) -> tuple:
    if value is None:
        return ()
    return tuple(value) if isinstance(value, list) else (value,)


def condition(m) -> c.Condition | None:
    if m is None:
        return None
    t = type(m)
    if t in (vf.CMeter, vf.CRelation):
        bounds = c.Bounds(m.at_least, m.at_most, m.above, m.below)
        return c.MeterCompare(m.meter, bounds) if t is vf.CMeter else c.Relation(m.relation, bounds)
    if t is vf.CMilestone:
        return c.MilestoneReached(m.milestone)
    if t is vf.CFlag:
        return c.FlagSet(m.flag)
    if t is vf.CDraftHas:
        return c.DraftHas(m.draft_has)
    if t is vf.CBody:
        return c.BodyIs(_tuple(m.body))
    if t is vf.CVoteKind:
        return c.KindIs(_tuple(m.vote_kind))
    if t is vf.CDate:
        return c.DateIn(m.date.from_, m.date.to)
    if t is vf.CInSession:
        return c.InSession(m.in_session)
    if t is vf.CSits:
        return c.Sits(m.sits, m.in_)
    if t is vf.COutcome:
        return c.VoteOutcome(_tuple(m.outcome))
    if t is vf.CChance:
        return c.Chance(m.chance)
    if t is vf.CLeverUsed:
        return c.LeverUsed(m.lever_used, m.this_turn)
    if t is vf.CSponsoredBy:
        return c.SponsoredBy(m.sponsored_by)
    if t is vf.CDraftTabled:
        return c.DraftTabled(m.draft_tabled.body, m.draft_tabled.sponsor)
    if t is vf.CChoiceMade:
        return c.ChoiceMade(m.choice_made, m.option)
    if t is vf.CAll:
        return c.AllOf(tuple(condition(i) for i in m.all))
    if t is vf.CAny:
        return c.AnyOf(tuple(condition(i) for i in m.any))
    if t is vf.CNot:
        return c.Not(condition(m.not_))
    raise TypeError(f"no compiler for condition {t.__name__}")


def selector(m: vf.Selector) -> e.Selector:
    return e.Selector(
        tuple(m.members), tuple(m.groups), tuple(m.blocs), m.everyone, m.chosen, m.sitting
    )


def choice(m: vf.ChoiceSpec) -> e.ChoiceSpec:
    options = tuple(
        e.ChoiceOption(o.id, o.label, o.text, effects(o.effects), condition(o.requires))
        for o in m.options
    )
    return e.ChoiceSpec(m.id, m.title, m.text, options)


def effects(items) -> tuple[e.Effect, ...]:
    return tuple(effect(i) for i in items)


def effect(m) -> e.Effect:
    t = type(m)
    if t is vf.EMeter:
        return e.MeterAdd(m.meter, m.add) if m.add is not None else e.MeterSet(m.meter, m.set)
    if t is vf.EMilestone:
        return e.ReachMilestone(m.milestone)
    if t is vf.EFlag:
        return e.SetFlag(m.flag)
    if t is vf.EClearFlag:
        return e.ClearFlag(m.clear_flag)
    if t is vf.ECastVote:
        return e.CastVote(m.cast_vote.member, m.cast_vote.vote, m.cast_vote.reason)
    if t is vf.ECallVote:
        return e.CallRecordedVote(m.call_recorded_vote)
    if t is vf.ETableAmendment:
        a = m.table_amendment
        return e.TableAmendment(a.by, a.title, tuple(a.deletes))
    if t is vf.ETableNoAction:
        return e.TableNoAction(m.table_no_action.by, m.table_no_action.title)
    if t is vf.EShift:
        sh = m.shift
        return e.Shift(
            selector(sh), sh.amount, sh.reason, sh.source or "", sh.scale_by, sh.turns, sh.body
        )
    if t is vf.EOfferChoice:
        return e.OfferChoice(choice(m.offer_choice))
    if t is vf.EMessage:
        if isinstance(m.message, str):
            return e.Message(m.message)
        return e.Message(m.message.text, m.message.title)
    if t is vf.EDropClause:
        return e.DropClause(m.drop_clause)
    if t is vf.EAddClause:
        return e.AddClause(m.add_clause)
    if t is vf.ETableDraft:
        d = m.table_draft
        return e.TableDraft(d.body, d.kind, d.title, d.sponsor, tuple(d.clauses))
    if t is vf.ECosponsor:
        return e.Cosponsor(m.cosponsor)
    if t is vf.EIf:
        return e.When(condition(m.if_), effects(m.then), effects(m.else_))
    raise TypeError(f"no compiler for effect {t.__name__}")


def history_action(m) -> act.Action:
    t = type(m)
    if t is fm.HTable:
        return act.TableDraft(m.table.body, tuple(m.table.clauses))
    if t is fm.HRevise:
        return act.ReviseDraft(m.revise.body, tuple(m.revise.clauses))
    if t is fm.HLever:
        return act.UseLever(m.lever, m.target)
    if t is fm.HChoose:
        return act.Choose(m.choose.choice, m.choose.option)
    raise TypeError(f"no compiler for history action {t.__name__}")


def members(data: fm.MembersFile, overrides: list[fm.MemberOverride]) -> tuple[s.Member, ...]:
    by_id = {o.id: o for o in overrides}
    out = []
    for m in data.members:
        o = by_id.get(m.id)
        affinity = dict(m.affinity)
        if o is not None and o.affinity is not None:
            affinity.update(o.affinity)
        out.append(
            s.Member(
                id=m.id,
                name=o.name if o and o.name is not None else m.name,
                group=o.group if o and o.group is not None else m.group,
                blocs=tuple(o.blocs if o and o.blocs is not None else m.blocs),
                ideal=o.ideal if o and o.ideal is not None else m.ideal,
                affinity=tuple(sorted(affinity.items())),
                absence=o.absence if o and o.absence is not None else m.absence,
                prior=m.prior,
            )
        )
    return tuple(out)


def term(m) -> s.ScoreTerm:
    if isinstance(m, fm.TMeter):
        return s.ScoreTerm("meter", m.meter, m.points)
    if isinstance(m, fm.TMilestone):
        return s.ScoreTerm("milestone", m.milestone, m.points)
    if isinstance(m, fm.TFlag):
        return s.ScoreTerm("flag", m.flag, m.points)
    return s.ScoreTerm("vote_margin", "", m.points)


def scenario(f: fm.ScenarioFile, data: fm.MembersFile, content_hash: str) -> s.Scenario:
    vm = f.vote_model
    return s.Scenario(
        id=f.id,
        title=f.title,
        period=f.period,
        description=f.description,
        context=f.briefing.context,
        objectives=tuple(f.briefing.objectives),
        assumptions=f.assumptions,
        sources=tuple(s.Source(x.title, x.url, x.note) for x in f.sources),
        player=f.player,
        actors=tuple(
            s.Actor(a.id, a.name, a.member, a.description, a.relation_meter) for a in f.actors
        ),
        groups=tuple(s.Group(g.id, g.name) for g in data.groups),
        blocs=tuple(s.Bloc(b.id, b.name, b.description) for b in data.blocs),
        members=members(data, f.members.overrides),
        bodies=tuple(
            s.Body(
                id=b.id,
                name=b.name,
                short=b.short,
                procedure=b.procedure,
                seats=b.seats,
                permanent=tuple(b.permanent),
                membership=tuple(sorted((ms.year, tuple(ms.members)) for ms in b.membership)),
                everyone=b.everyone,
                takes_up=b.takes_up,
                absence_scale=b.absence_scale,
                description=b.description,
            )
            for b in f.bodies
        ),
        calendar=tuple(s.Turn(t.date, t.label, tuple(t.sessions), t.text) for t in f.calendar),
        meters=tuple(
            s.Meter(
                m.id, m.name, m.min, m.max, m.start, m.income, m.description, m.rest, m.rest_rate
            )
            for m in f.meters
        ),
        milestones=tuple(s.Milestone(m.id, m.name, m.description) for m in f.milestones),
        clauses=tuple(
            s.Clause(
                id=cl.id,
                name=cl.name,
                short=cl.short,
                text=cl.text,
                strength=cl.strength,
                bodies=tuple(cl.bodies),
                requires=condition(cl.requires),
                reactions=tuple(s.Reaction(selector(r), r.amount, r.reason) for r in cl.reactions),
                on_tabled=effects(cl.on_tabled),
                on_adopted=effects(cl.on_adopted),
                excludes=tuple(cl.excludes),
            )
            for cl in f.clauses
        ),
        drafting=tuple(
            s.DraftingRule(d.body, d.kind, d.cost, d.title, condition(d.requires), d.revise_cost)
            for d in f.drafting
        ),
        levers=tuple(
            s.Lever(
                id=lv.id,
                name=lv.name,
                family=lv.family,
                description=lv.description,
                cost=lv.cost,
                effects=effects(lv.effects),
                requires=condition(lv.requires),
                target=lv.target,
                per_turn=lv.per_turn,
                max_uses=lv.max_uses,
                hint=lv.hint,
            )
            for lv in f.levers
        ),
        scripts=tuple(
            s.Script(
                sc.id, sc.actor, sc.on, effects(sc.then), condition(sc.if_), sc.once, sc.description
            )
            for sc in f.scripts
        ),
        events=tuple(
            s.Event(
                id=ev.id,
                title=ev.title,
                text=ev.text,
                date=ev.date,
                when=condition(ev.if_),
                probability=ev.probability,
                once=ev.once,
                effects=effects(ev.effects),
                choice=choice(ev.choice) if ev.choice else None,
            )
            for ev in f.events
        ),
        tracks=tuple(
            s.Track(t.id, t.name, t.weight, tuple(term(x) for x in t.terms), t.description)
            for t in f.score.tracks
        ),
        grades=tuple(s.Grade(g.min, g.grade, g.label) for g in f.score.grades),
        history=tuple(
            s.HistoryStep(
                date=h.date,
                actions=tuple(history_action(a) for a in h.actions),
                note=h.note,
                record=tuple(
                    s.RecordedVote(
                        r.body,
                        r.kind,
                        r.title,
                        r.adopted,
                        r.yes,
                        r.no,
                        r.abstain,
                        r.absent,
                        r.note,
                        tuple((k, tuple(getattr(r.named, k))) for k in ("yes", "no", "abstain"))
                        if r.named
                        else (),
                        r.calibrate,
                    )
                    for r in h.record
                ),
            )
            for h in f.history
        ),
        vote_model=s.VoteModel(
            noise=vm.noise,
            cutpoints=tuple((k, v[0], v[1]) for k, v in sorted(vm.cutpoints.items())),
            amendment_clause_weight=vm.amendment_clause_weight,
            cosponsor_weight=vm.cosponsor_weight,
            bloc_cohesion=tuple(sorted(vm.bloc_cohesion.items())),
            absence_by_kind=tuple(sorted(vm.absence_by_kind.items())),
            stance_center=vm.stance_center,
            fog=vm.fog,
            intelligence_meter=vm.intelligence_meter,
            reveal_at=vm.reveal_at,
            stance_for=vm.stance_for,
            stance_against=vm.stance_against,
        ),
        capital_meter=f.capital_meter,
        content_hash=content_hash,
    )
