/// A hazard's states over time, from which its dated contributions follow.
enum HazardState {
    case open, claimed, verified, referred
}

extension CaseHistory.HazardHistory {
    /// Claims and verdicts alternate (a re-check judges only a claimed hazard; only an open hazard can be claimed), so
    /// the n-th verdict answers the n-th claim; a referral to the penalty procedure ends an open hazard.
    func transitions(verdicts: [(LocalDate, RecheckVerdict)]) -> [(day: LocalDate, state: HazardState)] {
        var out: [(day: LocalDate, state: HazardState)] = [(foundOn, .open)]
        for (index, claim) in claims.enumerated() {
            out.append((claim, .claimed))
            if index < verdicts.count {
                out.append((verdicts[index].0, verdicts[index].1 == .fixed ? .verified : .open))
            }
        }
        if let referredOn { out.append((referredOn, .referred)) }
        return out
    }

    func contributions(verdicts: [(LocalDate, RecheckVerdict)]) -> [ProgressContribution] {
        let steps = transitions(verdicts: verdicts)
        var out: [ProgressContribution] = [.init(.found(level), foundOn)]
        var wasRectified = false
        for step in steps {
            let rectified = step.state == .claimed || step.state == .verified
            if rectified != wasRectified { out.append(.init(.rectified(level), step.day, rectified ? 1 : -1)) }
            wasRectified = rectified
            if step.state == .verified { out.append(.init(.verified(level), step.day)) }
        }
        for (day, verdict) in verdicts.prefix(claims.count) {
            out.append(.init(.claimsJudged, day))
            if verdict == .notFixed { out.append(.init(.claimsFailed, day)) }
        }
        out += overdueContributions(steps)
        return out
    }

    /// Overdue on day t: still open on t, and t is after the deadline in force on t. Piecewise constant between the
    /// days on which a state, a deadline or the passing of a deadline changes, so it is judged on those days only.
    func overdueContributions(_ steps: [(day: LocalDate, state: HazardState)]) -> [ProgressContribution] {
        var days = Set(steps.map(\.day))
        days.insert(originalDeadline.adding(days: 1))
        for grant in extensions {
            days.insert(grant.grantedOn)
            days.insert(grant.to.adding(days: 1))
        }
        var out: [ProgressContribution] = []
        var wasOverdue = false
        for day in days.sorted() where day >= foundOn {
            let state = steps.last(where: { $0.day <= day })!.state
            let deadline = extensions.last(where: { $0.grantedOn <= day })?.to ?? originalDeadline
            let overdue = state == .open && day > deadline
            if overdue != wasOverdue { out.append(.init(.overdue(level), day, overdue ? 1 : -1)) }
            wasOverdue = overdue
        }
        return out
    }
}
