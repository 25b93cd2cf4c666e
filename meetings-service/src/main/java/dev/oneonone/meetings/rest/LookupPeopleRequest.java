package dev.oneonone.meetings.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(name = "LookupPeople", description = "The people and groups whose names the caller wants, by id and by kind:code: "
        + "ids, groups or both, not neither.")
@LookupPeopleRequest.NamesSomething
public record LookupPeopleRequest(
        @Schema(description = "Person ids, 0 to " + LookupPeopleRequest.MAX_IDS + " (none only when groups are asked for).",
                maxItems = LookupPeopleRequest.MAX_IDS, example = "[\"2b8e4a90-6c1d-4f3e-8b27-5a9d0c7e3f12\"]")
        @NotNull @Size(max = MAX_IDS) List<@NotNull UUID> ids,
        @Schema(description = "Teams and departments as kind:code, up to " + LookupPeopleRequest.MAX_GROUPS + ".",
                maxItems = LookupPeopleRequest.MAX_GROUPS, example = "[\"team:platform\",\"department:ENG\"]")
        @Size(max = MAX_GROUPS) List<@NotNull @Pattern(regexp = GROUP_PATTERN, message = GROUP_MESSAGE) String> groups) {

    static final int MAX_IDS = 500;
    static final int MAX_GROUPS = 100;
    static final String GROUP_PATTERN = "(team|department):" + OrganisationCodes.PATTERN;
    static final String GROUP_MESSAGE = "must be team:<code> or department:<code>";

    /** At least one id or one group (an integration's dashboard asks for group names only); refused on field ids. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = NamesSomething.Check.class)
    @interface NamesSomething {
        String message() default "must not be empty when groups is empty";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        /** The rule of {@link NamesSomething}. */
        class Check implements ConstraintValidator<NamesSomething, LookupPeopleRequest> {
            @Override
            public boolean isValid(LookupPeopleRequest request, ConstraintValidatorContext context) {
                if (request == null || request.ids() == null || !request.ids().isEmpty()
                        || (request.groups() != null && !request.groups().isEmpty())) {
                    return true; // a missing ids is @NotNull's answer
                }
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                        .addPropertyNode("ids").addConstraintViolation();
                return false;
            }
        }
    }
}
