using B12Bot.Conversation.Faq;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Faq;

/// <summary>
/// Session 36, in other words than eval/fresh-understanding-152/-155.json: clinic staff asking in Teams in their shorthand
/// ("Pt 78M on apixaban for AF, referred for IM B12 ... Guidance?", "Pt has CKD stage 4 ...") and carers asking for a
/// relative ("My mother has been complaining of pins and needles ... how soon should she get seen?") had the scope
/// statement. faq.yaml has phrasings of theirs (the understanding model is not refitted: a refit moved as many answers
/// the other way, and answered an out-of-scope cholesterol-test question).
/// </summary>
public sealed class ClinicStaffAndCarerQuestionsTests(ContentFixture fixture) : IClassFixture<ContentFixture>
{
    [Theory]
    // the first three had the scope statement on 1ee5428
    [InlineData("pt 70F on apixaban for af, ok to give b12 im or hold?", "blood_thinners")]
    [InlineData("pt 81M anticoagulated on edoxaban, nurse asking if im b12 is ok or should be held. guidance?", "blood_thinners")]
    [InlineData("teams q: pregnant pt 16/40 already on 3 monthly hydroxocobalamin for PA, continue through pregnancy and breastfeeding?", "pregnancy")]
    [InlineData("renal pt, ckd stage 4, b12 low. gp asking if hydroxocobalamin is ok with poor kidney function?", "kidney_disease")]
    [InlineData("my mum has had numb feet for a couple of months and is unsteady on the stairs now. could this be her b12, and how soon should she be seen?", "neuro_symptoms")]
    public void A_question_in_staff_shorthand_or_asked_for_a_relative_gets_its_answer(string text, string entry)
    {
        var match = fixture.Match(text);

        Assert.Equal(FaqMatchKind.Answer, match.Kind);
        Assert.Equal(entry, match.Entry?.Id);
    }
}
