export default {}; // STUB
