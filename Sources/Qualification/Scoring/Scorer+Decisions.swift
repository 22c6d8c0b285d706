// Deviation: rules look at every factor. The reference model keeps only the
// first two factors of each component for its rules, so, for example, a
// decision maker with an industry and a company size never got the
// executive-focused messaging there.

extension Scorer {
    /// Returns the status's actions followed by the action of every factor rule that matches, in model order.
    func nextBestActions(status: QualificationStatus, present: FactorCodeSet, textIDs: TextIDs) -> [String] {
        guard let table = decisionTables.actions else {
            return DecisionBuilder.actions(model.nextBestActions, status: status) {
                actionRules.matches($0, present: present, textIDs: textIDs)
            }
        }
        var mask = 0
        for index in 0..<actionRules.count where actionRules.matches(index, present: present, textIDs: textIDs) {
            mask |= 1 << index
        }
        return table[status.rank << actionRules.count | mask]
    }

    /// Returns the content of the first matching rule of each group, or the
    /// fallback when no group matched, cut to the model's limit.
    func recommendedContent(present: FactorCodeSet, textIDs: TextIDs) -> [String] {
        guard let table = decisionTables.content else {
            return DecisionBuilder.content(model.recommendedContent) { group in
                let range = contentGroupRanges[group]
                return contentRules.firstMatch(in: range, present: present, textIDs: textIDs).map { $0 - range.lowerBound }
            }
        }
        var key = 0
        for group in contentGroupRanges.indices {
            let range = contentGroupRanges[group]
            if let rule = contentRules.firstMatch(in: range, present: present, textIDs: textIDs) {
                key += (rule - range.lowerBound + 1) * decisionTables.contentStrides[group]
            }
        }
        return table[key]
    }

    func personalization(score: Int, present: FactorCodeSet, textIDs: TextIDs) -> Personalization {
        let rules = model.personalization
        let focus: [String]
        if let table = decisionTables.focus {
            var mask = 0
            for index in 0..<focusRules.count where focusRules.matches(index, present: present, textIDs: textIDs) {
                mask |= 1 << index
            }
            focus = table[mask]
        } else {
            focus = DecisionBuilder.focus(rules.contentFocus) {
                focusRules.matches($0, present: present, textIDs: textIDs)
            }
        }

        var tone = rules.defaultTone
        for candidate in rules.tones where score >= candidate.minScore ?? Int.min {
            tone = candidate
            break
        }
        let caseStudy = caseStudyRules.firstMatch(in: 0..<caseStudyRules.count, present: present, textIDs: textIDs)
            .map { rules.caseStudies[$0].output } ?? rules.defaultCaseStudy

        return Personalization(contentFocus: focus, messageTone: tone.messageTone,
                               featuredCaseStudy: caseStudy, callToAction: tone.callToAction)
    }

    /// Returns up to the model's count of factors with non-zero points, largest
    /// absolute points first. Equal points keep their order in `factors`.
    func topFactors(_ factors: [Factor]) -> [Factor] {
        let limit = min(model.topFactorCount, factors.count)
        guard limit > 0 else { return [] }

        // Rank indices on the stack, then copy the chosen factors once.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: limit) { top in
            var count = 0
            for index in factors.indices where factors[index].points != 0 {
                let size = abs(factors[index].points)
                if count == limit {
                    guard size > abs(factors[top[limit - 1]].points) else { continue }
                    count -= 1
                }
                // Insert after every factor at least as large, which keeps ties in input order.
                var position = count
                while position > 0, abs(factors[top[position - 1]].points) < size {
                    top[position] = top[position - 1]
                    position -= 1
                }
                top[position] = index
                count += 1
            }

            var result: [Factor] = []
            result.reserveCapacity(count)
            for position in 0..<count {
                result.append(factors[top[position]])
            }
            return result
        }
    }
}
