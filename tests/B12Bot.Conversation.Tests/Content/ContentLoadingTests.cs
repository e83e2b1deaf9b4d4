using B12Bot.Conversation.Content;
using B12Bot.Conversation.Tests.Support;

namespace B12Bot.Conversation.Tests.Content;

/// <summary>The clinic edits dialogs/*.yaml; a mistake must stop start-up with the file, line and problem.</summary>
public sealed class ContentLoadingTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "b12-content-" + Guid.NewGuid().ToString("N"));

    public ContentLoadingTests()
    {
        Directory.CreateDirectory(_folder);
        foreach (var file in Directory.GetFiles(RepositoryPaths.Dialogs, "*.yaml"))
        {
            File.Copy(file, Path.Combine(_folder, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Shipped_content_loads_and_fills_in_the_configured_emergency_number()
    {
        var content = B12ContentLoader.Load(_folder, "112");

        Assert.Contains("Call [112](tel:112) now", content.Safety.UrgentMessage, StringComparison.Ordinal);
        Assert.Contains("112", content.Messages.Welcome, StringComparison.Ordinal);
        Assert.Contains("112", content.GetEntry("allergic_reaction").Answer, StringComparison.Ordinal);
        Assert.All(content.Faq, entry => Assert.DoesNotContain("{", entry.Answer, StringComparison.Ordinal));
        Assert.Equal("112", content.EmergencyNumber);
    }

    [Fact]
    public void Safety_messages_link_every_phone_number_from_the_settings()
    {
        var content = B12ContentLoader.Load(_folder, new SafetyContacts("999", "116 123", "+44 20 7188 0600"));
        var safety = content.Safety;

        Assert.Contains("[999](tel:999)", safety.UrgentMessage, StringComparison.Ordinal);
        Assert.Contains("[116 123](tel:116123)", safety.CrisisMessage, StringComparison.Ordinal);
        Assert.Contains("[999](tel:999)", safety.CrisisMessage, StringComparison.Ordinal);
        Assert.Contains("[+44 20 7188 0600](tel:+442071880600)", safety.PoisoningMessage, StringComparison.Ordinal);
        Assert.Contains("[999](tel:999)", safety.PoisoningMessage, StringComparison.Ordinal);
        Assert.Contains("[999](tel:999)", safety.ReactionCheck.WatchFor, StringComparison.Ordinal);
        Assert.DoesNotContain("{", safety.UrgentMessage + safety.CrisisMessage + safety.PoisoningMessage + safety.ReactionCheck.WatchFor, StringComparison.Ordinal);
    }

    [Fact]
    public void The_us_defaults_are_911_the_988_lifeline_and_poison_control()
    {
        var safety = B12ContentLoader.Load(_folder).Safety;

        Assert.Contains("[911](tel:911)", safety.UrgentMessage, StringComparison.Ordinal);
        Assert.Contains("Call or text [988](tel:988)", safety.CrisisMessage, StringComparison.Ordinal);
        Assert.Contains("[1-800-222-1222](tel:+18002221222)", safety.PoisoningMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("sms:", safety.CrisisMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("911; DROP")]
    [InlineData("[911](javascript:alert(1))")]
    [InlineData("")]
    public void A_phone_setting_that_is_not_a_number_stops_start_up(string crisisLine)
    {
        Assert.ThrowsAny<ArgumentException>(() => B12ContentLoader.Load(_folder, SafetyContacts.UnitedStates with { CrisisLine = crisisLine }));
    }

    [Fact]
    public void A_safety_sign_with_an_unknown_class_or_word_class_is_reported_with_its_line()
    {
        var path = Path.Combine(_folder, "safety.yaml");
        var text = File.ReadAllText(path).Replace("    all: [self_harm]\n", "    all: [self_harm, no_such_class]\n", StringComparison.Ordinal)
            .Replace("    class: crisis\n    all: [crisis_intent", "    class: panic\n    all: [crisis_intent", StringComparison.Ordinal);
        File.WriteAllText(path, text);

        var problems = Assert.Throws<ContentValidationException>(() => B12ContentLoader.Load(_folder)).Problems;

        Assert.Contains(problems, p => p.File == "safety.yaml" && p.Line > 1 && p.Message.Contains("'no_such_class'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.File == "safety.yaml" && p.Line > 1 && p.Message.Contains("'panic'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sign_set_aside_together_by_one_class_or_an_unknown_one_is_reported_with_its_line()
    {
        var path = Path.Combine(_folder, "safety.yaml");
        var text = File.ReadAllText(path);
        const string Together = "    unless_together_in_message: [days_back, well_since]\n";
        Assert.Contains(Together, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(Together, "    unless_together_in_message: [no_such_together_class]\n", StringComparison.Ordinal));

        var problems = Assert.Throws<ContentValidationException>(() => B12ContentLoader.Load(_folder)).Problems;

        Assert.Contains(problems, p => p.File == "safety.yaml" && p.Line > 1 && p.Message.Contains("'unless_together_in_message'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.File == "safety.yaml" && p.Line > 1 && p.Message.Contains("'no_such_together_class'", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_yaml_names_file_and_line()
    {
        var line = Append("faq.yaml", "  - id: [unclosed\n");

        var problem = Assert.Single(LoadProblems());

        Assert.Equal("faq.yaml", problem.File);
        Assert.InRange(problem.Line, line, line + 1);
        Assert.Contains("not valid YAML", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelt_answer_key_is_reported_at_its_line_and_the_entry_is_reported_incomplete()
    {
        var line = ReplaceAfter("faq.yaml", "  - id: oral_vs_injection", "    answer: |", "    anwser: |");

        var message = LoadMessage();

        Assert.Contains($"faq.yaml:{line}: unknown key 'anwser'", message, StringComparison.Ordinal);
        Assert.Contains("FAQ entry 'oral_vs_injection' is missing 'answer'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Follow_up_to_a_missing_entry_names_the_line()
    {
        var line = Replace("faq.yaml", "follow_ups: [deficiency_symptoms, risk_factors, oral_vs_injection]", "follow_ups: [deficiency_symptoms, no_such_entry]");

        Assert.Contains($"faq.yaml:{line}: FAQ entry 'what_b12_does' suggests 'no_such_entry', which is not an entry id", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_placeholder_in_a_message_names_the_line()
    {
        var line = Replace("messages.yaml", "or throat after an injection, call {emergencyNumber} now.", "or throat after an injection, call {phoneNumber} now.");
        var blockStart = LineOf("messages.yaml", "  welcome: |");

        var message = LoadMessage();

        Assert.True(line > blockStart);
        Assert.Contains($"messages.yaml:{blockStart}: unknown placeholder '{{phoneNumber}}'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Walkthrough_rule_with_an_answer_the_question_does_not_offer_names_the_line()
    {
        var line = Replace("walkthrough.yaml", "  - when: { neuro: [\"yes\"] }\n    outcome: prompt_evaluation", "  - when: { neuro: [sometimes] }\n    outcome: prompt_evaluation");

        Assert.Contains($"walkthrough.yaml:{line}: 'sometimes' is not a choice value of question 'neuro'", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Walkthrough_without_a_catch_all_last_rule_is_rejected()
    {
        var line = Replace("walkthrough.yaml", "  - when: {}\n    outcome: clinician_first", "  - when: { labs: [low] }\n    outcome: clinician_first");

        Assert.Contains($"walkthrough.yaml:{line}: the last rule must have an empty 'when: {{}}'", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Safety_sign_with_an_unknown_word_class_names_the_line()
    {
        var line = Replace("safety.yaml", "    all: [wheeze]", "    all: [wheezing_sounds]");

        Assert.Contains($"safety.yaml:{line}: sign 'wheezing' uses word class 'wheezing_sounds'", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_word_of_the_safety_triage_that_is_a_phrase_names_the_line()
    {
        var line = Replace("safety.yaml", "list_fillers: [my, her,", "list_fillers: [my own, her,");

        Assert.Contains($"safety.yaml:{line}: 'list_fillers' lists 'my own'", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_exclamation_without_a_negator_names_the_line()
    {
        var line = Replace("safety.yaml", "exclamations: [oh no,", "exclamations: [oh dear,");

        Assert.Contains($"safety.yaml:{line}: 'exclamations' lists 'oh dear', which holds no word of 'negators'", LoadMessage(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_calming_phrase_without_an_urgency_word_names_the_line()
    {
        var line = Replace("safety.yaml", "calm_now: [im fine right now,", "calm_now: [im fine thanks,");

        Assert.Contains($"safety.yaml:{line}: 'calm_now' lists 'im fine thanks', which holds no phrase of 'urgency'", LoadMessage(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_safety_triage_needs_its_list_joiners()
    {
        Replace("safety.yaml", "list_joiners: [and, or, \",\"]\n", "");

        Assert.Contains("is missing 'list_joiners'", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Urgent_message_must_give_the_emergency_number()
    {
        var line = Replace("safety.yaml", "**This could be an emergency. Call {emergencyNumber} now.**", "**This could be an emergency. Call for help now.**");
        Replace("safety.yaml", "follow what the {emergencyNumber} dispatcher", "follow what the dispatcher");
        var keyLine = LineOf("safety.yaml", "urgent_message: |");

        Assert.True(line > keyLine);
        Assert.Contains($"safety.yaml:{keyLine}: 'urgent_message' must tell people to call {{emergencyNumber}}", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_out_of_scope_example_listed_under_two_subjects_names_the_line()
    {
        var line = Replace("out-of-scope.yaml", "      - \"is there parking at the clinic\"", "      - \"is there parking at the clinic\"\n      - \"how much vitamin D should i take in winter\"") + 1;

        Assert.Contains($"out-of-scope.yaml:{line}: subject 'clinic parking and access' lists 'how much vitamin D should i take in winter', "
            + "already an example of subject 'vitamin D supplements'", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_out_of_scope_subject_with_a_misspelt_key_names_the_line()
    {
        var line = Replace("out-of-scope.yaml", "  - subject: statins\n    examples:", "  - subject: statins\n    exmaples:") + 1;

        var message = LoadMessage();

        Assert.Contains($"out-of-scope.yaml:{line}: unknown key 'exmaples'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_key_names_the_line()
    {
        var line = Replace("messages.yaml", "  not_sure: \"I'm not sure I understood. Did you mean one of these?\"",
            "  not_sure: \"I'm not sure I understood. Did you mean one of these?\"\n  not_sure: \"again\"") + 1;

        var problem = Assert.Single(LoadProblems());

        Assert.Equal(("messages.yaml", line), (problem.File, problem.Line));
        Assert.Contains("Duplicate key", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_named()
    {
        File.Delete(Path.Combine(_folder, "safety.yaml"));

        Assert.Contains("safety.yaml:1: file not found", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_in_several_files_are_all_reported_at_once()
    {
        var faqLine = Replace("faq.yaml", "follow_ups: [deficiency_symptoms, risk_factors, oral_vs_injection]", "follow_ups: [nowhere]");
        var messageLine = Replace("messages.yaml", "main_topics: [safety, side_effects, oral_vs_injection, before_starting, how_quickly]",
            "main_topics: [safety, no_topic]");

        var message = LoadMessage();

        Assert.Contains($"faq.yaml:{faqLine}:", message, StringComparison.Ordinal);
        Assert.Contains($"messages.yaml:{messageLine}: main topic 'no_topic' is not an FAQ entry id", message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_synonym_under_two_concepts_is_rejected()
    {
        var line = Replace("language.yaml", "  rash: [rash, rashes]", "  rash: [rash, rashes, acne]");

        Assert.Contains($"language.yaml:{line}: 'acne' is listed under both 'acne' and 'rash'", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_word_of_more_than_one_word_is_rejected()
    {
        var line = Replace("language.yaml", "  command_words: [nah, nope,", "  command_words: [no thanks, nope,");

        Assert.Contains($"language.yaml:{line}: command word 'no thanks' must be one word", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_spoken_form_with_no_letters_is_rejected()
    {
        var line = Replace("language.yaml", "    b12 shot: [b12 shut, b12 shoot]", "    b12 shot: [b12 shut, \"--\"]");

        Assert.Contains($"language.yaml:{line}: spoken form '--' of 'b12 shot' has no letters or digits", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_likened_concept_that_is_not_another_subject_is_rejected()
    {
        var line = Replace("language.yaml", "  concepts: [vaccine]", "  concepts: [vaccine, injection]");

        Assert.Contains($"language.yaml:{line}: likened concept 'injection' is not one of the foreign_words", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_small_talk_emoji_with_words_is_rejected()
    {
        var line = Replace("messages.yaml", "    emoji: [👋]", "    emoji: [👋, wave]");

        Assert.Contains($"messages.yaml:{line}: 'wave' in 'emoji' of small-talk item 'greeting' is not only emoji", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_teller_word_of_more_than_one_word_is_rejected()
    {
        var line = Replace("language.yaml", "  teller_words: [myself,", "  teller_words: [my self,");

        Assert.Contains($"language.yaml:{line}: teller word 'my self' must be one word", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_with_a_telling_that_is_not_true_or_false_is_rejected()
    {
        var line = Replace("messages.yaml", "    with_a_telling: true", "    with_a_telling: often");

        Assert.Contains($"messages.yaml:{line}: 'with_a_telling' of small-talk item 'thanks' must be true or false", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_spoken_form_listed_under_two_written_forms_is_rejected()
    {
        var line = Replace("language.yaml", "    b12 shot: [b12 shut, b12 shoot]", "    b12 shot: [b12 shut, b twelve]");

        Assert.Contains($"language.yaml:{line}: spoken form 'b twelve' is listed twice", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_referring_word_of_more_than_one_word_is_rejected()
    {
        var line = Replace("language.yaml", "referring_words: [that, this,", "referring_words: [like that, this,");

        Assert.Contains($"language.yaml:{line}: referring word 'like that' must be one word", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Texting_shorthand_spelled_out_as_more_than_one_word_is_rejected()
    {
        var line = Replace("language.yaml", "  hw: how", "  hw: how come");

        Assert.Contains($"language.yaml:{line}: texting 'hw' must be spelled out as one word", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_open_question_word_that_is_not_a_concept_is_rejected()
    {
        var line = Replace("language.yaml", "open_question_words: [next_step,", "open_question_words: [whatever, next_step,");

        Assert.Contains($"language.yaml:{line}: open question word 'whatever' is not a concept under 'synonyms'", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_neighbour_condition_that_names_b12_is_rejected()
    {
        var line = Replace("language.yaml", "neighbour_conditions: [thyroid,", "neighbour_conditions: [b12, thyroid,");

        Assert.Contains($"language.yaml:{line}: neighbour condition 'b12' is also one of the b12_words or foreign_words", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_sign_word_that_is_not_a_concept_is_rejected()
    {
        var line = Replace("language.yaml", "sign_words: [symptom, lab, diagnose, normal_range]", "sign_words: [symptom, lab, diagnose, normal_range, whatever]");

        Assert.Contains($"language.yaml:{line}: sign word 'whatever' is not a concept under 'synonyms'", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_combining_word_that_is_not_a_concept_is_rejected()
    {
        var line = Replace("language.yaml", "combining_words: [interact]", "combining_words: [interact, alongside]");

        Assert.Contains($"language.yaml:{line}: combining word 'alongside' is not a concept under 'synonyms'", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_b12_set_aside_word_that_is_not_a_concept_is_rejected()
    {
        var line = Replace("language.yaml", "b12_set_aside_words: [b12_settled]", "b12_set_aside_words: [b12_settled, b12_done]");

        Assert.Contains($"language.yaml:{line}: B12 set-aside word 'b12_done' is not a concept under 'synonyms'", LoadMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_story_symptom_word_that_is_not_a_concept_is_rejected()
    {
        var line = Replace("language.yaml", "story_symptom_words: [neuro]", "story_symptom_words: [neuro, numbish]");

        Assert.Contains($"language.yaml:{line}: story symptom word 'numbish' is not a concept under 'synonyms'", LoadMessage(), StringComparison.Ordinal);
    }

    private IReadOnlyList<ContentProblem> LoadProblems() =>
        Assert.Throws<ContentValidationException>(() => B12ContentLoader.Load(_folder)).Problems;

    private string LoadMessage() => Assert.Throws<ContentValidationException>(() => B12ContentLoader.Load(_folder)).Message;

    /// <summary>Appends text and returns the 1-based line where it starts.</summary>
    private int Append(string file, string text)
    {
        var path = Path.Combine(_folder, file);
        var before = File.ReadAllText(path);
        if (!before.EndsWith('\n'))
        {
            before += "\n";
        }

        File.WriteAllText(path, before + text);
        return before.Count(c => c == '\n') + 1;
    }

    /// <summary>Replaces the first <paramref name="oldText"/> and returns the 1-based line where the replacement starts.</summary>
    private int Replace(string file, string oldText, string newText)
    {
        var path = Path.Combine(_folder, file);
        var text = File.ReadAllText(path);
        var index = text.IndexOf(oldText, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{oldText}' not found in {file}");
        File.WriteAllText(path, string.Concat(text.AsSpan(0, index), newText, text.AsSpan(index + oldText.Length)));
        return text[..index].Count(c => c == '\n') + 1;
    }

    /// <summary>Replaces the first <paramref name="oldText"/> after <paramref name="anchor"/>; returns its 1-based line.</summary>
    private int ReplaceAfter(string file, string anchor, string oldText, string newText)
    {
        var path = Path.Combine(_folder, file);
        var text = File.ReadAllText(path);
        var start = text.IndexOf(anchor, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{anchor}' not found in {file}");
        var index = text.IndexOf(oldText, start, StringComparison.Ordinal);
        File.WriteAllText(path, string.Concat(text.AsSpan(0, index), newText, text.AsSpan(index + oldText.Length)));
        return text[..index].Count(c => c == '\n') + 1;
    }

    private int LineOf(string file, string text)
    {
        var lines = File.ReadAllLines(Path.Combine(_folder, file));
        return Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal)) + 1;
    }
}
