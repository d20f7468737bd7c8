import { describeRuntime, loadContractNames } from './matrix'

describeRuntime('edge-runtime', await loadContractNames())
