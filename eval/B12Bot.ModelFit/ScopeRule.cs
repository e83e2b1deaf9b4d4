using B12Bot.Conversation.Understanding;

namespace B12Bot.ModelFit;

/// <summary>The scope decision being measured: the threshold and the unsure band, as <see cref="UnderstandingModel.IsOutOfScope"/> applies them.</summary>
internal sealed record ScopeRule(double Threshold, UnsureScopeBand? Unsure)
{
    public bool IsOutOfScope(Prediction p) => UnsureScopeBand.IsOutOfScope(p.Scope, p.Probabilities.Max(), Threshold, Unsure);

    public override string ToString() => Unsure is null
        ? $"scope {Threshold:0.00}"
        : $"scope {Threshold:0.00}, unsure up to {Unsure.Below:0.00} unless an intent is at least {Unsure.AnswerAtLeast:0.00} likely";
}
