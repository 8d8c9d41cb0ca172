/** Every problem `type` the BFF sends starts with this. */
export const PROBLEM_TYPE_PREFIX = 'urn:centra-bff:problem:';
/** The slug of a BFF problem type (`cart-busy`, …), or undefined for anything else. */
export function problemSlug(type) {
    return typeof type === 'string' && type.startsWith(PROBLEM_TYPE_PREFIX)
        ? type.slice(PROBLEM_TYPE_PREFIX.length)
        : undefined;
}
