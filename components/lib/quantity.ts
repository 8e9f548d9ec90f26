// Kubernetes quantities as numbers: one implementation, kept in the policy pack (which must not
// import from outside its folder) and shared with the program from here.
export { quantityToNumber } from "../../policies/facts/quantity";
